namespace BlockBot.Conversation.Abstractions;

/// <summary>Saves a finished turn's state changes and its <see cref="ITurnCommitWork"/> in one transaction.</summary>
public interface ITurnCommitter
{
    Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken);
}
