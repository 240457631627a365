using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Transcripts;
using BlockBot.Support.Transcripts;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Conversation;

/// <summary>What the customer and the bot said is kept, in order, for staff to read; /forget leaves none of it.</summary>
public sealed class TranscriptTests : ConversationTestBase
{
    private static readonly CustomerId Customer = new(Microsoft.Bot.Connector.Channels.Test, "customer-1");

    [Fact]
    public Task A_conversation_leaves_the_customer_s_messages_and_the_bot_s_replies_in_order() => PlayAsync(
    [
        User("/start"), Bot("menu", "greet"), Bot("menu", "choose", "blocked", "causes", "refused", "appeal", "operator"),
        User("blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
        UserSendsAttachment("image/jpeg"), BotText("non_text"), Bot("blocked", "ask_line"),
        User("Продажи 👋🏽 <b>\0</b>"), Bot("blocked", "ask_repeated", "yes", "no"),
        Check("the transcript holds every message of it, in order", host => AssertTranscriptAsync(
            host,
            In("/start"), Out("menu", "greet"), Out("menu", "choose"),
            In("blocked"), Out("blocked", "intro"), Out("blocked", "rule"), Out("blocked", "ask_line"),
            In("[image/jpeg]"), Out(Expected.Text("non_text")), Out("blocked", "ask_line"),
            In(@"Продажи 👋🏽 <b>\x00</b>"), Out("blocked", "ask_repeated"))),
    ]);

    [Fact]
    public Task A_reminder_and_a_staff_message_the_bot_sends_on_its_own_are_kept_as_its_lines() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        .. Scripts.UnblockedAndClearingRequested(),
        StaffTakes(), BotText("event_staff_taken"),
        StaffReplies("Смотрю вашу линию"), Bot(Expected.Text("staff_message").Containing("Смотрю вашу линию")),
        StaffDone(), Bot("blocked", "cleared"),
        .. Scripts.ReconnectThroughChatsOnly(),
        Check("the proactive messages are the newest lines, said by the bot", async host =>
        {
            var lines = await ReadAsync(host);
            AssertSays(host, lines[^5], In("Подключили"));
            AssertSays(host, lines[^4], Out("reconnect", "chats_only_rules"));
            AssertSays(host, lines[^3], Out("reconnect", "chats_only_done"));
            AssertSays(host, lines[^2], Out("reconnect", "good_practice"));
            AssertSays(host, lines[^1], Out("reconnect", "goodbye"));
            Assert.Contains(lines, l => l.Direction == TranscriptDirection.Out && l.Text.Contains("Смотрю вашу линию", StringComparison.Ordinal));
            Assert.Equal(BotHost.Start.AddDays(3), lines[^1].At, TimeSpan.FromSeconds(1));
        }),
    ]);

    [Fact]
    public Task Forget_leaves_no_line_of_the_customer_not_even_of_the_erasing_turn() => PlayAsync(
    [
        .. Scripts.ToUnblockQuestion(),
        User("/forget"), Bot("forget", "confirm", "yes", "no"),
        User("да"), Bot("forget", "erased"),
        Check("no transcript line is left", async host => Assert.Empty(await ReadAsync(host))),
        User("/help"), BotText("help"),
        Check("what is said after the erasure is kept again", async host =>
            Assert.Equal(["/help"], (await ReadAsync(host)).Where(l => l.Direction == TranscriptDirection.In).Select(l => l.Text))),
    ]);

    private static (TranscriptDirection Direction, string? Text, Expected? Expected) In(string text) => (TranscriptDirection.In, text, null);

    private static (TranscriptDirection Direction, string? Text, Expected? Expected) Out(string dialogId, string stepId) => Out(Expected.Step(dialogId, stepId));

    private static (TranscriptDirection Direction, string? Text, Expected? Expected) Out(Expected expected) => (TranscriptDirection.Out, null, expected);

    private static Task<IReadOnlyList<TranscriptLine>> ReadAsync(BotHost host) =>
        host.Services.GetRequiredService<ITranscriptReader>().ListForCustomerAsync(Customer, 200, null, CancellationToken.None);

    private static async Task AssertTranscriptAsync(BotHost host, params (TranscriptDirection Direction, string? Text, Expected? Expected)[] expected)
    {
        var lines = await ReadAsync(host);
        Assert.Equal(expected.Select(e => e.Direction), lines.Select(l => l.Direction));
        foreach (var (line, wanted) in lines.Zip(expected))
        {
            AssertSays(host, line, wanted);
        }
    }

    private static void AssertSays(BotHost host, TranscriptLine line, (TranscriptDirection Direction, string? Text, Expected? Expected) wanted)
    {
        Assert.Equal(wanted.Direction, line.Direction);
        Assert.Equal(Customer, line.Customer);
        if (wanted.Expected is { } expected)
        {
            expected.Check(host.Dialogs, "ru", line.Text);
        }
        else
        {
            Assert.Equal(wanted.Text, line.Text);
        }
    }
}
