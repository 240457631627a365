namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// The one-time codes of "continue on another channel". A code is used up in the turn that accepts it, by the
/// <see cref="Turns.CustomerHandedOver"/> record that turn saves.
/// </summary>
public interface IHandoverCodes
{
    Task IssueAsync(HandoverCode code, CancellationToken cancellationToken);

    /// <returns>The code while it is unused and not expired; otherwise null.</returns>
    Task<HandoverCode?> FindAsync(string code, DateTimeOffset now, CancellationToken cancellationToken);
}
