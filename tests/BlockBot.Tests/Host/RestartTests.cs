using BlockBot.Tests.Conversation;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Host;

/// <summary>Stopping the bot and starting it again on the same SQLite file loses nothing and repeats nothing.</summary>
public sealed class RestartTests : IDisposable
{
    private static readonly Dictionary<string, string?> PeriodsInSeconds = new()
    {
        ["BlockBot:Periods:AppealFollowUp"] = "00:00:05",
        ["BlockBot:Periods:PhoneOnly"] = "00:00:05",
        ["BlockBot:Periods:ChatsOnly"] = "00:00:05",
    };

    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(BotHost.Start);

    [Fact]
    public async Task The_conversation_continues_where_it_was()
    {
        await using (var first = await StartAsync())
        {
            await Dialogue.PlayAsync(first,
                User("/blocked"), Bot("blocked", "intro"), Bot("blocked", "rule"), Bot("blocked", "ask_line"),
                User("Продажи"), Bot("blocked", "ask_repeated"),
                User("нет"), Bot("blocked", "ask_crm"));
        }

        await using var second = await StartAsync();
        await Dialogue.PlayAsync(second,
            User("да"), Bot("blocked", "crm_note"), Bot("blocked", "ask_unblock_state"),
            User("/status"), Bot(Expected.TextLines("status_case").Containing("Продажи")), Bot("blocked", "ask_unblock_state"));
    }

    [Fact]
    public async Task A_reminder_that_fell_due_while_the_bot_was_down_fires_once_after_the_start()
    {
        await using (var first = await StartAsync())
        {
            await Dialogue.PlayAsync(first,
            [
                .. Scripts.ToUnblockQuestion(),
                .. Scripts.UnblockedAndClearingRequested(),
                .. Scripts.StaffTakeAndConfirm(),
                Bot("reconnect", "how_to_reconnect"), Bot("reconnect", "ask_connected"),
                User("Подключили"), Bot("reconnect", "chats_only_rules"),
            ]);
        }

        _clock.Advance(TimeSpan.FromSeconds(30));

        await using (var second = await StartAsync())
        {
            await Dialogue.PlayAsync(second,
                Bot("reconnect", "chats_only_done"), Bot("reconnect", "good_practice"), Bot("reconnect", "goodbye"));
        }

        _clock.Advance(TimeSpan.FromSeconds(30));

        await using var third = await StartAsync();
        await Dialogue.PlayAsync(third, User("/status"), BotText("status_none"));
    }

    [Fact]
    public async Task A_staff_decision_taken_while_the_customer_channel_was_down_arrives_after_the_start()
    {
        await using (var first = await StartAsync())
        {
            await Dialogue.PlayAsync(first, [.. Scripts.ToUnblockQuestion(), .. Scripts.UnblockedAndClearingRequested()]);

            // Delivery stops first: the event for the customer stays in the outbox, undelivered.
            await first.PauseDeliveryAsync();
            var ticket = Assert.Single(await first.StaffDesk.ListActiveAsync(CancellationToken.None));
            Assert.True((await first.StaffDesk.DoneAsync(ticket.Id, Staffer, CancellationToken.None)).Succeeded);
        }

        await using var second = await StartAsync();
        await Dialogue.PlayAsync(second, Bot("blocked", "cleared"), Bot("reconnect", "how_to_reconnect"), Bot("reconnect", "ask_connected"));
    }

    public void Dispose() => _database.Dispose();

    private Task<BotHost> StartAsync() => BotHost.StartAsync(_database, _clock, PeriodsInSeconds);
}
