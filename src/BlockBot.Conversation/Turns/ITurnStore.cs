namespace BlockBot.Conversation.Turns;

/// <summary>
/// Saves a finished turn: every <see cref="StateChange"/> and every <see cref="TurnRecord"/> of its
/// <see cref="TurnUnitOfWork"/> in one transaction, or nothing. A state item whose ETag no longer matches fails the
/// whole save with <see cref="Abstractions.StorageConflictException"/>.
/// </summary>
public interface ITurnStore
{
    Task SaveAsync(TurnUnitOfWork work, CancellationToken cancellationToken);
}
