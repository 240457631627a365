using BlockBot.Conversation.Retention;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Reminders;

/// <summary>Deletes reminder jobs whose firing is over (<see cref="ISpentReminderJobs"/>), every hour.</summary>
public sealed class SpentReminderPruning(ISpentReminderJobs spentJobs, TimeProvider time, ILogger<SpentReminderPruning> logger)
    : HourlyPruning(time, logger)
{
    protected override string What => "reminder jobs whose firing is over";

    // At start Quartz may not have created its tables yet; a spent job costs a row, which can wait the hour.
    protected override bool PrunesAtStart => false;

    protected override Task<int> PruneAsync(CancellationToken cancellationToken) =>
        InBatchesAsync(batch => spentJobs.DeleteAsync(ReminderScheduler.GroupPrefix, batch, cancellationToken));
}
