using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// The reading that <see cref="TwoProcessProcedureTests"/> judges every chat by: what a kill may repeat (the chat's
/// sends in flight, once, in order) and what it may not.
/// </summary>
public sealed class ChatReadingTests
{
    private static readonly DateTimeOffset KillBegan = new(2026, 12, 7, 16, 29, 29, TimeSpan.Zero);
    private static readonly DateTimeOffset KillEnded = KillBegan.AddSeconds(2.5);

    private static readonly IReadOnlyList<(string Description, Func<SentMessage, bool> Test)> Walk =
        new[] { "greeting", "menu", "line question" }.Select(text => (text, (Func<SentMessage, bool>)(m => m.RawText == text))).ToList();

    private int _messageId;

    [Fact]
    public void Two_sends_in_flight_at_the_kill_resent_once_in_order_are_allowed()
    {
        var reading = Read(
            Sent("greeting", KillBegan.AddMilliseconds(-300)),
            Sent("menu", KillBegan.AddMilliseconds(200)),
            Sent("greeting", KillEnded.AddSeconds(1)),
            Sent("menu", KillEnded.AddSeconds(1.01)),
            Sent("line question", KillEnded.AddSeconds(4)));

        Assert.Empty(reading.Problems);
        Assert.Equal(["greeting", "menu"], reading.Repeats.Select(r => r.Copy.RawText));
        Assert.Equal(3, reading.Matched.Count(m => m is not null));
    }

    [Fact]
    public void A_repeat_of_a_send_long_before_the_kill_is_a_problem()
    {
        var reading = Read(
            Sent("greeting", KillBegan.AddSeconds(-10)),
            Sent("menu", KillBegan.AddSeconds(-9)),
            Sent("greeting", KillEnded.AddSeconds(1)),
            Sent("line question", KillEnded.AddSeconds(4)));

        Assert.Contains(reading.Problems, p => p.Contains("\"greeting\" repeats", StringComparison.Ordinal));
    }

    [Fact]
    public void A_send_repeated_twice_is_a_problem_even_within_the_kill()
    {
        var reading = Read(
            Sent("greeting", KillBegan.AddMilliseconds(-300)),
            Sent("greeting", KillBegan.AddMilliseconds(500)),
            Sent("greeting", KillBegan.AddMilliseconds(900)),
            Sent("menu", KillEnded.AddSeconds(1)));

        Assert.Contains(reading.Problems, p => p.Contains("2 runs of repeated sends", StringComparison.Ordinal));
    }

    [Fact]
    public void A_message_sent_after_the_kill_and_then_again_is_a_problem()
    {
        var reading = Read(
            Sent("greeting", KillBegan.AddMilliseconds(-300)),
            Sent("menu", KillBegan.AddMilliseconds(200)),
            Sent("greeting", KillEnded.AddSeconds(1)),
            Sent("menu", KillEnded.AddSeconds(1.01)),
            Sent("menu", KillEnded.AddSeconds(1.02)));

        Assert.Contains(reading.Problems, p => p.Contains("\"menu\" repeats #4", StringComparison.Ordinal));
    }

    [Fact]
    public void A_copy_long_after_the_kill_is_work_done_twice_not_a_resend()
    {
        var reading = Read(
            Sent("greeting", KillBegan.AddMilliseconds(-300)),
            Sent("greeting", KillEnded + ChatReading.ResendWithin + TimeSpan.FromSeconds(1)));

        Assert.Empty(reading.Repeats);
        Assert.Contains(reading.Problems, p => p.Contains("\"greeting\" repeats", StringComparison.Ordinal));
    }

    private static ChatReading Read(params SentMessage[] messages) => ChatReading.Read(messages, Walk, KillBegan, KillEnded);

    private SentMessage Sent(string text, DateTimeOffset at) => new(40_001, ++_messageId, text, [], null, false, at, text);
}
