namespace BlockBot.Channels.Telegram.Staff;

/// <summary>
/// When a notice (a warning logged, a refusal sent) was last given to a user, shared by every instance
/// (<c>telegram_stranger_notice</c>), so <see cref="StrangerNotices"/> holds its interval across restarts and instances.
/// </summary>
public interface IStrangerNoticeStore
{
    /// <summary>
    /// Takes the notice for the user at <paramref name="now"/> unless it was taken after <paramref name="since"/>; of two
    /// instances taking it at once, one gets it.
    /// </summary>
    /// <returns>True when taken.</returns>
    Task<bool> TryTakeAsync(long userId, string notice, DateTimeOffset now, DateTimeOffset since, CancellationToken cancellationToken);
}
