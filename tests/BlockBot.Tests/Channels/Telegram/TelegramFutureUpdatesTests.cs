using System.Text.Json.Nodes;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>Polling when the Bot API sends what the client library does not know yet, or what cannot be handled at all.</summary>
public sealed class TelegramFutureUpdatesTests : IDisposable
{
    private const long Customer = 42;
    private const long EarlyCustomer = 44;
    private const long StrangeChat = 45;

    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["BlockBot:Telegram:MessagesPerSecond"] = "1000",
        ["BlockBot:Telegram:ChatMessagesPerSecond"] = "100",
    };

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Updates_newer_than_the_library_hold_nobody_up_and_the_unusable_one_is_quarantined_and_counted()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Fast);
        using var meter = new MeterRecorder(bot.Services.GetRequiredService<BlockBotMetrics>().Meter);

        var withUnknownEntity = Updates.Text(EarlyCustomer, EarlyCustomer, "/start");
        withUnknownEntity["message"]!["entities"] = JsonNode.Parse("""[{"type":"future_entity_kind","offset":0,"length":6}]""");
        fake.Enqueue(withUnknownEntity);
        var inUnknownChatType = Updates.Text(StrangeChat, StrangeChat, "/start");
        inUnknownChatType["message"]!["chat"]!["type"] = "future_chat_kind";
        fake.Enqueue(inUnknownChatType);
        var withoutChat = Updates.Text(StrangeChat, StrangeChat, "/start");
        withoutChat["message"]!["chat"] = null;
        var unusable = fake.Enqueue(withoutChat);
        fake.Enqueue(Updates.Text(Customer, Customer, "/start"));

        await new ChatReader(fake, bot, Customer).NextAsync("menu", "greet");
        await new ChatReader(fake, bot, EarlyCustomer).NextAsync("menu", "greet");
        await fake.WaitUntilAsync(f => f.ConfirmedBelow > f.LastUpdateId, "every update to be confirmed");

        Assert.Empty(fake.SentTo(StrangeChat));
        using var connection = _database.OpenConnection();
        // Kept as received, not as the library would write it again.
        Assert.Contains(
            await connection.QueryAsync<string>("SELECT payload FROM telegram_update"),
            p => p.Contains("\"type\":\"future_entity_kind\"", StringComparison.Ordinal));
        var quarantined = Assert.Single(await connection.QueryAsync<(long UpdateId, string Reason)>("SELECT update_id, reason FROM telegram_quarantine"));
        Assert.Equal(unusable, quarantined.UpdateId);
        Assert.StartsWith("incomplete: a message without its chat", quarantined.Reason, StringComparison.Ordinal);
        var counted = Assert.Single(meter.Recorded, m => m.Instrument == TelegramQuarantine.MetricName);
        Assert.Equal((1d, "telegram", "incomplete"), (counted.Value, counted.Tag("channel"), counted.Tag("reason")));
    }

    public void Dispose() => _database.Dispose();
}
