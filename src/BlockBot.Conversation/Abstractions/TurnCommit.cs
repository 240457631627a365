using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// What one turn saves when it is over, in one transaction: its state changes (held here by the storage instead of
/// written as they happen) and the <see cref="ITurnCommitWork"/> its channel and event delivery enlisted.
/// </summary>
/// <remarks>
/// The storage finds the turn through <see cref="Current"/>, an async-local set while the turn runs, because Bot
/// Builder's state classes call <see cref="IStorage"/> without the turn context.
/// </remarks>
public sealed class TurnCommit
{
    private const string TurnStateKey = "BlockBot.TurnCommit";
    private static readonly AsyncLocal<TurnCommit?> Collecting = new();

    private readonly Dictionary<string, object> _state = new(StringComparer.Ordinal);
    private readonly List<ITurnCommitWork> _work = [];
    private readonly Lock _gate = new();

    /// <summary>The turn whose state writes are being collected on this async flow, if any.</summary>
    public static TurnCommit? Current => Collecting.Value;

    /// <summary>The turn's commit, created the first time it is asked for.</summary>
    public static TurnCommit For(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<TurnCommit>(TurnStateKey) is { } existing)
        {
            return existing;
        }

        var commit = new TurnCommit();
        turnContext.TurnState.Add(TurnStateKey, commit);
        return commit;
    }

    /// <summary>State writes, by storage key, in the storage's own form; the storage alone reads them.</summary>
    public IReadOnlyDictionary<string, object> State
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, object>(_state, StringComparer.Ordinal);
            }
        }
    }

    public IReadOnlyList<ITurnCommitWork> Work
    {
        get
        {
            lock (_gate)
            {
                return [.. _work];
            }
        }
    }

    /// <summary>Makes this the <see cref="Current"/> commit until the returned scope is disposed.</summary>
    public IDisposable Collect()
    {
        var previous = Collecting.Value;
        Collecting.Value = this;
        return new Scope(previous);
    }

    public void Enlist(ITurnCommitWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            _work.Add(work);
        }
    }

    public void SetState(string key, object write)
    {
        lock (_gate)
        {
            _state[key] = write;
        }
    }

    public bool TryGetState(string key, out object write)
    {
        lock (_gate)
        {
            return _state.TryGetValue(key, out write!);
        }
    }

    private sealed class Scope(TurnCommit? previous) : IDisposable
    {
        public void Dispose() => Collecting.Value = previous;
    }
}
