using System.Data.Common;

namespace BlockBot.Storage;

/// <summary>
/// Opens connections to the one database every part of the bot shares, whichever provider is configured.
/// Code that needs SQL the providers disagree on asks <see cref="Provider"/> and keeps both texts side by side.
/// </summary>
public interface IDbConnectionFactory
{
    StorageProvider Provider { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
