using Quartz;

namespace BlockBot.Support.Scheduling;

/// <summary>
/// The Quartz job whose work runs in the current async flow, such as the reminder whose event a turn handles. That turn
/// may cancel its case's reminders (<c>close_case</c>); its own job is then left to Quartz, which removes it as the
/// firing completes, or keeps it for the retry when the turn fails.
/// </summary>
internal static class RunningJob
{
    private static readonly AsyncLocal<JobKey?> Current = new();

    /// <summary>The job running in this flow, or null outside a job (a customer's or staff's turn).</summary>
    public static JobKey? Key => Current.Value;

    /// <summary>Marks <paramref name="job"/> as running in this flow until the returned scope is disposed.</summary>
    public static IDisposable Enter(JobKey job)
    {
        var outer = Current.Value;
        Current.Value = job;
        return new Scope(outer);
    }

    private sealed class Scope(JobKey? outer) : IDisposable
    {
        public void Dispose() => Current.Value = outer;
    }
}
