using Microsoft.Extensions.Diagnostics.HealthChecks;
using Telegram.Bot;

namespace BlockBot.Channels.Telegram;

/// <summary>Ready when the Bot API answers <c>getMe</c> for our token.</summary>
internal sealed class TelegramHealthCheck(ITelegramBotClient bot) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await bot.GetMe(cancellationToken);
            return HealthCheckResult.Healthy("the Bot API answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not the exception's text: a failed request's message may carry the URL, and the URL carries the token.
            return HealthCheckResult.Unhealthy($"the Bot API does not answer: {e.GetType().Name}");
        }
    }
}
