using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Writes a NUL character in a customer's message as the visible text <c>\x00</c>: no chat message means one, and
/// PostgreSQL's text columns cannot hold it, so a line name or a relayed message carrying it would fail the turn there.
/// </summary>
public sealed class NulCharacterMiddleware : IMiddleware
{
    public Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        if (turnContext.Activity.Text is { } text && text.Contains('\0', StringComparison.Ordinal))
        {
            turnContext.Activity.Text = text.Replace("\0", @"\x00", StringComparison.Ordinal);
        }

        return next(cancellationToken);
    }
}
