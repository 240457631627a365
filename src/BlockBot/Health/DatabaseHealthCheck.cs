using BlockBot.Storage;
using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BlockBot.Health;

/// <summary>Ready when the shared database answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(IDbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy($"{connections.Provider} answers");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The message only: a provider's exception text never carries the connection string, but the data might.
            return HealthCheckResult.Unhealthy($"{connections.Provider} does not answer: {e.GetType().Name}");
        }
    }
}
