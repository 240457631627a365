namespace BlockBot.Channels.WebChat.Tokens;

/// <summary>What a token lets its bearer do.</summary>
public enum WebChatTokenKind
{
    /// <summary>A Direct Line token: the REST calls of one conversation, and its refresh.</summary>
    DirectLine,

    /// <summary>The stream URL's ticket: opening the WebSocket of one conversation, for a minute.</summary>
    Stream,
}
