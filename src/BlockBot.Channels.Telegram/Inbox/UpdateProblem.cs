namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>Why an update cannot be handled: <see cref="Kind"/> is one of a few fixed words (the metric's tag), <see cref="Detail"/> is for people.</summary>
public sealed record UpdateProblem(string Kind, string Detail)
{
    private const int MaxDetail = 300;

    /// <summary>Not an update the client library can read: not an object, a value of the wrong type, a date out of range.</summary>
    public static UpdateProblem Unreadable(string detail) => new("unreadable", Shorten(detail));

    /// <summary>Readable, but without a part the bot needs to act on it (a message without its chat).</summary>
    public static UpdateProblem Incomplete(string detail) => new("incomplete", Shorten(detail));

    /// <summary>Over <c>BlockBot:Telegram:MaxUpdateBytes</c>.</summary>
    public static UpdateProblem TooLarge(string detail) => new("too_large", Shorten(detail));

    /// <summary>Read, but its handling failed in a way another attempt would repeat.</summary>
    public static UpdateProblem Failed(Exception exception) => new("failed", Shorten($"{exception.GetType().Name}: {exception.Message}"));

    public override string ToString() => $"{Kind}: {Detail}";

    /// <summary>Short, on one line and without control characters: a detail may quote the update (an unknown type's name).</summary>
    private static string Shorten(string detail)
    {
        var shown = string.Concat(detail.Take(MaxDetail).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c));
        return detail.Length <= MaxDetail ? shown : shown + "…";
    }
}
