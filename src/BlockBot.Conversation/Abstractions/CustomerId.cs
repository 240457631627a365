using System.Diagnostics.CodeAnalysis;

namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A customer as one channel knows them. The same person on two channels is two customers.
/// Stored as its <see cref="Key"/> ("channel:user"); read back only through <see cref="Parse"/> or <see cref="TryParse"/>.
/// </summary>
public readonly record struct CustomerId(string ChannelId, string UserId)
{
    private const char Separator = ':';

    /// <summary>Stable text form used as a database key: "channel:user". The channel never holds a colon; the user may.</summary>
    public string Key => $"{ChannelId}{Separator}{UserId}";

    public override string ToString() => Key;

    /// <exception cref="FormatException">The text is not "channel:user" with both parts present.</exception>
    public static CustomerId Parse(string key) =>
        TryParse(key, out var customer) ? customer : throw new FormatException($"Not a customer key: '{key}'.");

    public static bool TryParse([NotNullWhen(true)] string? key, out CustomerId customer)
    {
        var separator = key?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (key is null || separator <= 0 || separator == key.Length - 1)
        {
            customer = default;
            return false;
        }

        customer = new CustomerId(key[..separator], key[(separator + 1)..]);
        return true;
    }
}
