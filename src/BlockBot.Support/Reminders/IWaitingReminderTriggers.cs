namespace BlockBot.Support.Reminders;

/// <summary>
/// Deletes reminder triggers that wait for their time, beside Quartz: Quartz's own deletion takes its store-wide lock,
/// which on PostgreSQL every instance's cancelling and rescheduling would queue behind (ADR 0028). A trigger a firing
/// has claimed, or one in any state but waiting, is left for Quartz to delete.
/// </summary>
public interface IWaitingReminderTriggers
{
    /// <summary>
    /// Deletes the waiting triggers of the jobs in <paramref name="group"/>: only <paramref name="jobName"/>'s when it is
    /// given, never <paramref name="exceptJobName"/>'s. The jobs themselves stay, spent, for <see cref="ISpentReminderJobs"/>.
    /// </summary>
    Task<WaitingTriggersDeleted> DeleteAsync(string group, string? jobName, string? exceptJobName, CancellationToken cancellationToken);
}

/// <param name="Deleted">The waiting triggers deleted.</param>
/// <param name="Left">The triggers of those jobs that were not waiting, which only Quartz may delete.</param>
public readonly record struct WaitingTriggersDeleted(int Deleted, int Left);
