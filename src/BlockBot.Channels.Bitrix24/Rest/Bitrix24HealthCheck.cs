using System.Text.Json.Nodes;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>Ready when the portal's REST API answers <c>server.time</c>, the cheapest call it has.</summary>
internal sealed class Bitrix24HealthCheck(Bitrix24RestClient portal) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await portal.CallAsync("server.time", new JsonObject(), cancellationToken);
            return HealthCheckResult.Healthy("the portal answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not the exception's text: the webhook URL in a failed request's message is a credential.
            return HealthCheckResult.Unhealthy($"the portal does not answer: {e.GetType().Name}");
        }
    }
}
