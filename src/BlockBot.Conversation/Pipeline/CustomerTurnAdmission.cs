using BlockBot.Conversation.Diagnostics;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Bounds how many customers' turns run at once in this instance, so that a burst waits here, in memory, rather than
/// each turn holding database sessions while it waits for the database (ADR 0026). Proactive turns (conversation
/// events, reminders) are not counted: their own workers bound them, and they hold the customer's event lock while
/// they run, so they must not queue behind customers.
/// </summary>
public sealed class CustomerTurnAdmission
{
    private readonly SemaphoreSlim? _slots;
    private readonly BlockBotMetrics? _metrics;

    /// <param name="limit">The customers' turns that may run at once; null or 0 for no limit.</param>
    /// <param name="metrics">Where the turns waiting for a slot are counted.</param>
    public CustomerTurnAdmission(int? limit, BlockBotMetrics? metrics)
    {
        Limit = limit is > 0 ? limit : null;
        _slots = Limit is { } slots ? new SemaphoreSlim(slots, slots) : null;
        _metrics = metrics;
    }

    /// <summary>No limit: the default, and SQLite's, whose group commit gains from many turns in flight.</summary>
    public static CustomerTurnAdmission Unlimited { get; } = new(null, null);

    public int? Limit { get; }

    /// <summary>Waits for a slot if <paramref name="activity"/> is a customer's; dispose the result when the turn is over.</summary>
    public async ValueTask<Admitted> AdmitAsync(IActivity activity, CancellationToken cancellationToken)
    {
        if (_slots is null || IsProactive(activity))
        {
            return default;
        }

        if (!_slots.Wait(0, CancellationToken.None))
        {
            using var waiting = _metrics?.AwaitingAdmission();
            await _slots.WaitAsync(cancellationToken);
        }

        return new Admitted(_slots);
    }

    private static bool IsProactive(IActivity activity) =>
        activity.Type == ActivityTypes.Event && activity is IEventActivity { Name: ActivityEventNames.ContinueConversation };

    /// <summary>A slot held for one turn; the default holds none.</summary>
    public readonly struct Admitted(SemaphoreSlim? slots) : IDisposable
    {
        public void Dispose() => slots?.Release();
    }
}
