namespace BlockBot.Channels.Bitrix24;

/// <summary>
/// What the channel keeps durably, as the channel needs it; the storage project implements it (ADR 0010). Named
/// values (the registered bot's id, the fetch offset, the latest OAuth refresh token) and the marks of events already
/// handled, so a redelivered event runs no second turn. A turn's own mark is a <see cref="Bitrix24EventProcessed"/>
/// record, saved with the turn.
/// </summary>
public interface IBitrix24Store
{
    const string BotIdName = "bot_id";
    const string OffsetName = "fetch_offset";
    const string RefreshTokenName = "oauth_refresh_token";

    Task<string?> GetAsync(string name, CancellationToken cancellationToken);

    Task SetAsync(string name, string value, CancellationToken cancellationToken);

    Task<bool> WasProcessedAsync(string eventKey, CancellationToken cancellationToken);

    /// <summary>Marks an event handled that ran no turn (a staff command, an event for nobody), on its own.</summary>
    Task MarkProcessedAsync(string eventKey, CancellationToken cancellationToken);
}
