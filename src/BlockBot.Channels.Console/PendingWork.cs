using Quartz;

namespace BlockBot.Channels.Console;

/// <summary>
/// Tells when the bot has nothing left to do right now: no job running and none due. Scripted console
/// runs wait for it before they exit, so a staff decision's event still reaches the customer.
/// </summary>
public sealed class PendingWork(ISchedulerFactory schedulers, TimeProvider clock)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public async Task WaitForIdleAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        // Polling runs on real time; "due" is judged on the scheduler's clock, which tests may fake.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var idleChecks = 0;
        while (waited.Elapsed < Limit)
        {
            idleChecks = await IsIdleAsync(scheduler, cancellationToken) ? idleChecks + 1 : 0;
            if (idleChecks >= 3)
            {
                return;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private async Task<bool> IsIdleAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var running = await scheduler.QueryFireInstances(new FireInstanceQuery(), cancellationToken);
        if (running.Items.Count > 0)
        {
            return false;
        }

        var due = await scheduler.QueryTriggers(new TriggerQuery { NextFireTimeBefore = clock.GetUtcNow() + TimeSpan.FromSeconds(1) }, cancellationToken);
        return due.Items.Count == 0;
    }
}
