using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;

namespace BlockBot.Bench.Peer;

/// <summary>
/// <c>--storage memory</c>: a turn's state changes go to Bot Builder's MemoryStorage, as the peers keep theirs; the
/// turn's other records (delivery marks) are the database's business and are not kept.
/// </summary>
public sealed class MemoryTurnStore(IStorage storage) : ITurnStore
{
    public async Task SaveAsync(TurnUnitOfWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        foreach (var change in work.StateChanges)
        {
            if (change.Value is { } value)
            {
                await storage.WriteAsync(new Dictionary<string, object> { [change.Key] = value }, cancellationToken);
            }
            else
            {
                await storage.DeleteAsync([change.Key], cancellationToken);
            }
        }
    }
}
