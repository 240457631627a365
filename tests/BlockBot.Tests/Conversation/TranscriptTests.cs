using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Transcripts;
using BlockBot.Support.Transcripts;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static BlockBot.Tests.Infrastructure.ExpectedLine;
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
        Check("what staff and the reminders made the bot say are its lines, in order", async host =>
        {
            var lines = await ReadAsync(host);
            ExpectedLine.AssertAll(
                host.Dialogs,
                [
                    Out(Expected.Text("event_staff_taken")),
                    Out(Expected.Text("staff_message").Containing("Смотрю вашу линию")),
                    Out("blocked", "cleared"), Out("reconnect", "how_to_reconnect"), Out("reconnect", "ask_connected"),
                    In("Подключили"), Out("reconnect", "chats_only_rules"),
                    Out("reconnect", "chats_only_done"), Out("reconnect", "good_practice"), Out("reconnect", "goodbye"),
                ],
                [.. lines.TakeLast(10)]);
            Assert.InRange(lines[^1].At, BotHost.Start.AddDays(3), BotHost.Start.AddDays(3).AddSeconds(1));
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

    private static Task<IReadOnlyList<TranscriptLine>> ReadAsync(BotHost host) =>
        host.Services.GetRequiredService<ITranscriptReader>().ListForCustomerAsync(Customer, 200, null, CancellationToken.None);

    private static async Task AssertTranscriptAsync(BotHost host, params ExpectedLine[] expected)
    {
        var lines = await ReadAsync(host);
        ExpectedLine.AssertAll(host.Dialogs, expected, lines);
        Assert.All(lines, line => Assert.Equal(Customer, line.Customer));
    }
}
