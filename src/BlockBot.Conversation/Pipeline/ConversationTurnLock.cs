using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Pipeline;

/// <summary>
/// Runs the turns of one conversation one at a time. BotState saves without an ETag (last write
/// wins), so two overlapping turns — a message and a scheduled event, say — would lose one's update.
/// In process a semaphore per conversation queues them; across instances sharing PostgreSQL the turn also
/// holds the conversation's advisory lock (ADR 0006).
/// </summary>
public sealed class ConversationTurnLock(ICrossInstanceLock crossInstance) : IMiddleware
{
    /// <summary>The <see cref="ICrossInstanceLock"/> scope of conversation turns.</summary>
    public const string Scope = "turn";

    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _gates = new(StringComparer.Ordinal);

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var key = $"{turnContext.Activity.ChannelId}/{turnContext.Activity.Conversation?.Id}";
        var gate = Acquire(key);
        try
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                await using var shared = await crossInstance.AcquireAsync(Scope, key, cancellationToken);
                await next(cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }
        finally
        {
            Return(key);
        }
    }

    private SemaphoreSlim Acquire(string key)
    {
        lock (_gates)
        {
            var entry = _gates.TryGetValue(key, out var existing) ? existing : (new SemaphoreSlim(1, 1), 0);
            _gates[key] = (entry.Item1, entry.Item2 + 1);
            return entry.Item1;
        }
    }

    private void Return(string key)
    {
        lock (_gates)
        {
            var (gate, users) = _gates[key];
            if (users == 1)
            {
                _gates.Remove(key);
                gate.Dispose();
            }
            else
            {
                _gates[key] = (gate, users - 1);
            }
        }
    }
}
