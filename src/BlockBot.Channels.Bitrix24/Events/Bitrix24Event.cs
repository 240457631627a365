namespace BlockBot.Channels.Bitrix24.Events;

/// <summary>An <c>ONIMBOTV2*</c> event reduced to what the channel acts on, the same from fetch and from webhook.</summary>
public sealed record Bitrix24Event
{
    public required Bitrix24EventKind Kind { get; init; }

    public required string Type { get; init; }

    /// <summary>Identifies the event for de-duplication: the fetch event id, else the message id and type.</summary>
    public required string Key { get; init; }

    public required string DialogId { get; init; }

    public long? ChatId { get; init; }

    /// <summary>The author (for a join: the customer of the open line, taken from the chat's entity id when it names one).</summary>
    public required string UserId { get; init; }

    public string? UserName { get; init; }

    /// <summary>The chat is an open-line chat (<c>chat.entityType = LINES</c>).</summary>
    public bool IsOpenLine { get; init; }

    /// <summary>The author is the customer writing through the line's connector.</summary>
    public bool IsConnectorUser { get; init; }

    public bool IsBotUser { get; init; }

    public bool IsSystem { get; init; }

    public long? MessageId { get; init; }

    public required string Text { get; init; }

    public string? Language { get; init; }

    public string? Command { get; init; }

    public string? CommandParams { get; init; }

    public string? CommandContext { get; init; }
}
