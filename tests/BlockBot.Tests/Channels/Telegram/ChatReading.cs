using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// A chat's messages read against what the bot should have said, in order, each once. The one thing allowed
/// besides: sends Telegram accepted just before a process was killed, whose outbox rows were not yet deleted, are
/// sent again after it (a sendMessage carries no idempotency key). Since a chat's next message goes while the sent
/// row's delete commits (ADR 0019), that can be more than one message: the chat's last messages before the kill,
/// each accepted within <see cref="InFlightMargin"/> of it, sent again once, in order, one after another. The first
/// copy arrives after the kill began and soon after it (<see cref="ResendWithin"/>); a chat has at most one such run.
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
        var runs = 0;

        // The run being resent: the index of the next message it copies, and of the first copy.
        var (copying, copiesFrom) = (-1, -1);
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (copying >= 0 && (copying == copiesFrom || !IsCopy(messages[copying], message)))
            {
                copying = -1;
            }

            if (copying >= 0)
            {
                repeats.Add(new Repeat(messages[copying], message));
                copying++;
                continue;
            }

            if (matched.Count < expected.Count && expected[matched.Count].Test(message))
            {
                matched.Add(message);
                continue;
            }

            if (ResentRunStart(messages, i, killBegan, killedAt) is { } start)
            {
                runs++;
                repeats.Add(new Repeat(messages[start], message));
                (copying, copiesFrom) = (start + 1, i);
                continue;
            }

            var original = messages.Take(i).LastOrDefault(earlier => IsCopy(earlier, message));
            var shown = $"message {i + 1} (#{message.MessageId} at {message.At:HH:mm:ss.fff}) \"{ChatFeed.FirstLine(message.Text)}\"";
            if (original is not null)
            {
                problems.Add($"{shown} repeats #{original.MessageId} of {original.At:HH:mm:ss.fff}, which was not among the sends in flight at the kill ({killBegan:HH:mm:ss.fff}–{killedAt:HH:mm:ss.fff}) resent by the survivor");
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

        if (runs > 1)
        {
            problems.Add($"{runs} runs of repeated sends; a kill leaves one run of a chat's sends in flight");
        }

        return new ChatReading(matched, repeats, problems);
    }

    /// <summary>
    /// Where the run that message <paramref name="i"/> begins to resend starts: an earlier copy of it from which every
    /// message up to <paramref name="i"/> was in flight at the kill; null if there is none, or the copy came too late.
    /// </summary>
    private static int? ResentRunStart(IReadOnlyList<SentMessage> messages, int i, DateTimeOffset killBegan, DateTimeOffset killedAt)
    {
        var message = messages[i];
        if (message.At < killBegan || message.At > killedAt + ResendWithin)
        {
            return null;
        }

        for (var start = i - 1; start >= 0 && WasInFlight(messages[start], killBegan, killedAt); start--)
        {
            if (IsCopy(messages[start], message))
            {
                return start;
            }
        }

        return null;
    }

    /// <summary>Accepted by Telegram shortly before the killed process was gone: its outbox row may not have been deleted.</summary>
    private static bool WasInFlight(SentMessage original, DateTimeOffset killBegan, DateTimeOffset killedAt) =>
        original.At <= killedAt && original.At >= killBegan - InFlightMargin;

    private static bool IsCopy(SentMessage a, SentMessage b) =>
        a.RawText == b.RawText && a.Buttons.SequenceEqual(b.Buttons) && a.ReplyTo == b.ReplyTo && a.ForceReply == b.ForceReply;
}
