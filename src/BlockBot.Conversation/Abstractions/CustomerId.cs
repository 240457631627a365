namespace BlockBot.Conversation.Abstractions;

/// <summary>A customer as one channel knows them. The same person on two channels is two customers.</summary>
public sealed record CustomerId(string ChannelId, string UserId)
{
    /// <summary>Stable text form used as a database key: "channel:user".</summary>
    public string Key => $"{ChannelId}:{UserId}";

    public override string ToString() => Key;

    public static CustomerId Parse(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        if (separator <= 0 || separator == key.Length - 1)
        {
            throw new FormatException($"Not a customer key: '{key}'.");
        }

        return new CustomerId(key[..separator], key[(separator + 1)..]);
    }
}
