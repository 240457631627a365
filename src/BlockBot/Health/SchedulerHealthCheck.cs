using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace BlockBot.Health;

/// <summary>Ready when Quartz's scheduler is started and firing (not in standby, not shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("the scheduler is running")
            : HealthCheckResult.Unhealthy($"the scheduler is {status}");
    }
}
