namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// Gives out turns to send, one at a time and none before <c>notBefore</c> (the gap after the previous send): at that
/// moment the waiting send of the highest <see cref="SendPriority"/> gets it, the longest waiting among equals. So a
/// staff action that arrives while queued sends wait for a chat's gap goes next, not last.
/// </summary>
internal sealed class SendTurns : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    // Highest priority first, then first come first served.
    private readonly PriorityQueue<TaskCompletionSource, (int Priority, long Arrival)> _waiting = new();
    private ITimer? _timer;
    private long _arrivals;
    private bool _taken;
    private DateTimeOffset _notBefore;

    public SendTurns(TimeProvider time) => _time = time;

    /// <summary>Waits for the turn; the caller must <see cref="Leave"/> once it has sent.</summary>
    public async Task EnterAsync(SendPriority priority, CancellationToken cancellationToken)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiting.Enqueue(turn, (-(int)priority, _arrivals++));
        }

        Pump();
        await using (cancellationToken.Register(() => turn.TrySetCanceled(cancellationToken)))
        {
            await turn.Task;
        }
    }

    /// <summary>Ends the turn; the next starts no earlier than <paramref name="notBefore"/> (null: no later gap than before).</summary>
    public void Leave(DateTimeOffset? notBefore)
    {
        lock (_gate)
        {
            _taken = false;
            if (notBefore > _notBefore)
            {
                _notBefore = notBefore.Value;
            }
        }

        Pump();
    }

    /// <summary>True when nobody holds or waits for the turn and the gap has passed: a new one would behave the same.</summary>
    public bool IsIdleAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            return !_taken && _waiting.Count == 0 && _notBefore <= now;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
        }
    }

    private void Pump()
    {
        lock (_gate)
        {
            while (!_taken && _waiting.Count > 0)
            {
                var wait = _notBefore - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    // Timers round to whole milliseconds and may wake a little early: the pump looks again then.
                    _timer ??= _time.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                    _timer.Change(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, Timeout.InfiniteTimeSpan);
                    return;
                }

                // A waiter that gave up (cancelled) is skipped.
                _taken = _waiting.Dequeue().TrySetResult();
            }
        }
    }
}
