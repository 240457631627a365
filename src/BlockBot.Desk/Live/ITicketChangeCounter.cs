namespace BlockBot.Desk.Live;

/// <summary>
/// A number that grows whenever any ticket is written, by any instance, channel or job, committed with the write;
/// implemented by BlockBot.Storage. Reading it is one cheap query, so every instance can poll it.
/// </summary>
public interface ITicketChangeCounter
{
    Task<long> ReadAsync(CancellationToken cancellationToken);
}
