namespace BlockBot.Channels.Bitrix24.Events;

/// <summary>An <c>ONIMBOTV2*</c> event reduced to what the channel acts on, the same from fetch and from webhook.</summary>
/// <param name="Key">Identifies the event for de-duplication: the fetch event id, else the message id and type.</param>
/// <param name="UserId">The author (for a join: the customer of the open line, taken from the chat's entity id when it names one).</param>
/// <param name="IsOpenLine">The chat is an open-line chat (<c>chat.entityType = LINES</c>).</param>
/// <param name="IsConnectorUser">The author is the customer writing through the line's connector.</param>
public sealed record Bitrix24Event(
    Bitrix24EventKind Kind,
    string Type,
    string Key,
    string DialogId,
    long? ChatId,
    string UserId,
    string? UserName,
    bool IsOpenLine,
    bool IsConnectorUser,
    bool IsBotUser,
    bool IsSystem,
    long? MessageId,
    string Text,
    string? Language,
    string? Command,
    string? CommandParams,
    string? CommandContext);
