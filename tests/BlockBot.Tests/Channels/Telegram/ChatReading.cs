using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// A chat's messages read against what the bot should have said, in order, each once. The one thing allowed
/// besides: a send Telegram accepted just before a process was killed, whose outbox row was not yet deleted, is
/// sent again after it (a sendMessage carries no idempotency key). Such a repeat is an exact copy of the chat's message
/// before it, which Telegram accepted just before the killed process was gone (within <see cref="InFlightMargin"/>);
/// it arrives after the kill began and soon after (<see cref="ResendWithin"/>), and happens at most once in a chat.
/// <see cref="Matched"/> has the message that met each expectation, or null where none did.
/// </summary>
public sealed record ChatReading(IReadOnlyList<SentMessage?> Matched, IReadOnlyList<ChatReading.Repeat> Repeats, IReadOnlyList<string> Problems)
{
    /// <summary>How long before the kill a send's outbox row can still be undeleted (the delete follows Telegram's answer at once).</summary>
    public static readonly TimeSpan InFlightMargin = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How soon after the kill the survivor sends such a row again: it takes the chat's lock when the killed process's
    /// session ends. A copy much later is not this resend but the work done twice (e.g. an event job Quartz recovered).
    /// </summary>
    public static readonly TimeSpan ResendWithin = TimeSpan.FromSeconds(5);

    public sealed record Repeat(SentMessage Original, SentMessage Copy);

    /// <param name="expected">Each message the chat should get, in order: a description and a test.</param>
    /// <param name="killBegan">When the kill was sent; <paramref name="killedAt"/>: when the killed process had exited.</param>
    public static ChatReading Read(
        IReadOnlyList<SentMessage> messages,
        IReadOnlyList<(string Description, Func<SentMessage, bool> Test)> expected,
        DateTimeOffset killBegan,
        DateTimeOffset killedAt)
    {
        var matched = new List<SentMessage?>();
        var repeats = new List<Repeat>();
        var problems = new List<string>();
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (matched.Count < expected.Count && expected[matched.Count].Test(message))
            {
                matched.Add(message);
                continue;
            }

            var original = messages.Take(i).LastOrDefault(earlier => IsCopy(earlier, message));
            if (original is not null && original == messages[i - 1] && WasInFlight(original, killBegan, killedAt) && message.At >= killBegan && message.At <= killedAt + ResendWithin)
            {
                repeats.Add(new Repeat(original, message));
                continue;
            }

            var shown = $"message {i + 1} (#{message.MessageId} at {message.At:HH:mm:ss.fff}) \"{ChatFeed.FirstLine(message.Text)}\"";
            if (original is not null)
            {
                problems.Add($"{shown} repeats #{original.MessageId} of {original.At:HH:mm:ss.fff}, which was not the send in flight at the kill ({killBegan:HH:mm:ss.fff}–{killedAt:HH:mm:ss.fff}) resent by the survivor");
                continue;
            }

            // A later message of the walk: the ones between never came. Read on from there.
            var later = Enumerable.Range(matched.Count, expected.Count - matched.Count).FirstOrDefault(k => expected[k].Test(message), -1);
            if (later < 0)
            {
                problems.Add($"{shown} is unexpected; expected {(matched.Count < expected.Count ? expected[matched.Count].Description : "nothing more")}");
                continue;
            }

            problems.Add($"{string.Join(", ", expected.Skip(matched.Count).Take(later - matched.Count).Select(e => e.Description))} never came (the chat went on with {shown})");
            matched.AddRange(Enumerable.Repeat<SentMessage?>(null, later - matched.Count));
            matched.Add(message);
        }

        if (matched.Count < expected.Count)
        {
            problems.Add($"missing from {expected[matched.Count].Description} on ({expected.Count - matched.Count} of {expected.Count} messages)");
        }

        if (repeats.Count > 1)
        {
            problems.Add($"{repeats.Count} repeated sends; a kill leaves at most one send of a chat in flight");
        }

        return new ChatReading(matched, repeats, problems);
    }

    /// <summary>Accepted by Telegram shortly before the killed process was gone: its outbox row may not have been deleted.</summary>
    private static bool WasInFlight(SentMessage original, DateTimeOffset killBegan, DateTimeOffset killedAt) =>
        original.At <= killedAt && original.At >= killBegan - InFlightMargin;

    private static bool IsCopy(SentMessage a, SentMessage b) =>
        a.RawText == b.RawText && a.Buttons.SequenceEqual(b.Buttons) && a.ReplyTo == b.ReplyTo && a.ForceReply == b.ForceReply;
}
