namespace BlockBot.Conversation.Turns;

/// <summary>
/// What one turn saves when it is over, in one transaction (ADR 0010): its state changes and its records. The turn
/// context carries it (<see cref="TurnContextExtensions.UnitOfWork"/>); <see cref="Pipeline.TurnCommitMiddleware"/>
/// hands it to the <see cref="ITurnStore"/> once the turn is over and then runs the callbacks given to
/// <see cref="OnCommitted"/>. Nothing is saved before that, and nothing at all when the turn throws.
/// </summary>
public sealed class TurnUnitOfWork
{
    private readonly Dictionary<string, StateChange> _state = new(StringComparer.Ordinal);
    private readonly List<TurnRecord> _records = [];
    private readonly List<Action> _committed = [];
    private readonly Lock _gate = new();

    /// <summary>The state keys the turn will read, read together with its first read (<see cref="TurnStateStorage"/>).</summary>
    public StateReadAhead ReadAhead { get; } = new();

    /// <summary>The latest change of each state key, in the order the keys were first changed.</summary>
    public IReadOnlyList<StateChange> StateChanges
    {
        get
        {
            lock (_gate)
            {
                return [.. _state.Values];
            }
        }
    }

    /// <summary>The records in the order they were added; the storage writes them in that order.</summary>
    public IReadOnlyList<TurnRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _state.Count == 0 && _records.Count == 0;
            }
        }
    }

    public void Add(TurnRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    /// <summary>Records a state change; a later change of the same key replaces the earlier one.</summary>
    public void Change(StateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _state[change.Key] = change;
        }
    }

    /// <summary>The change the turn holds for <paramref name="key"/>, if any: what the turn reads back before it is saved.</summary>
    public bool TryGetChange(string key, out StateChange change)
    {
        lock (_gate)
        {
            return _state.TryGetValue(key, out change!);
        }
    }

    /// <summary>Runs <paramref name="callback"/> once the turn's transaction has committed (never when it failed).</summary>
    public void OnCommitted(Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _committed.Add(callback);
        }
    }

    /// <summary>Called by <see cref="Pipeline.TurnCommitMiddleware"/> once the store saved this unit of work.</summary>
    internal void Committed()
    {
        Action[] callbacks;
        lock (_gate)
        {
            callbacks = [.. _committed];
        }

        foreach (var callback in callbacks)
        {
            callback();
        }
    }
}
