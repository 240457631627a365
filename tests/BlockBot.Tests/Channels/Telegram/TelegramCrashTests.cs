using System.Globalization;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Xunit.Abstractions;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// The real program as a process, killed during a burst of 500 updates and started again. Every update is
/// answered; what repeats is only sends Telegram accepted just before the kill whose outbox rows were not
/// yet deleted (ADR 0005; a chat can have several, ADR 0019) — measured here, and bounded by the chats whose sends
/// can be in flight at once.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class TelegramCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Chats = 100;
    private const int PerChat = 5;

    // Sends whose requests Telegram accepted but whose outbox rows were not yet removed when the process died are
    // sent again: in the chats the sender's slots had in hand at the kill, and in those that had just given theirs back
    // while their last row's delete still committed (ADR 0019), at most a slot-full more.
    private const int ConcurrentSends = 16;

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Killed_mid_burst_and_restarted_every_update_is_answered_and_only_sends_in_flight_at_the_kill_repeat()
    {
        await using var fake = await FakeBotApi.StartAsync();
        for (var round = 0; round < PerChat; round++)
        {
            for (var chat = 1; chat <= Chats; chat++)
            {
                fake.Enqueue(Updates.Text(20_000 + chat, 20_000 + chat, "/help"));
            }
        }

        DateTimeOffset killBegan, killedAt;
        await using (var first = await StartAsync("first", fake))
        {
            await fake.WaitUntilAsync(f => f.Sent.Count >= 100, "the burst to be under way", TimeSpan.FromSeconds(60));
            killBegan = DateTimeOffset.UtcNow;
            await first.KillAsync();
            killedAt = DateTimeOffset.UtcNow;
        }

        var atKill = fake.Sent.Count;
        await using (await StartAsync("second", fake))
        {
            await fake.WaitUntilAsync(f => f.Sent.Count >= Chats * PerChat && f.ConfirmedBelow > f.LastUpdateId, "every update to be answered and confirmed", TimeSpan.FromSeconds(90));
            await WaitForEmptyOutboxAsync(fake);
        }

        var sent = fake.Sent;
        var repeated = sent.Count - Chats * PerChat;
        output.WriteLine($"Killed after {atKill} answers; {sent.Count} answers in all for {Chats * PerChat} updates ({repeated} repeated).");
        var chats = Enumerable.Range(1, Chats).Select(chat => sent.Where(m => m.ChatId == 20_000 + chat).ToList()).ToList();
        Assert.All(chats, messages =>
        {
            // Every reply is the same text, so a repeat is told only by the count: no more than the chat's sends in flight.
            var inFlight = messages.Count(m => m.At >= killBegan - ChatReading.InFlightMargin && m.At <= killedAt);
            Assert.InRange(messages.Count, PerChat, PerChat + inFlight);
        });
        Assert.InRange(chats.Count(messages => messages.Count > PerChat), 0, 2 * ConcurrentSends);
    }

    public void Dispose() => _database.Dispose();

    private async Task WaitForEmptyOutboxAsync(FakeBotApi fake) =>
        await fake.WaitUntilAsync(_ => CountPending() == 0, "the outbox and inbox to be empty");

    private long CountPending()
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM telegram_outbox) + (SELECT COUNT(*) FROM telegram_update WHERE state = 'received')";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private Task<BotProcess> StartAsync(string name, FakeBotApi fake) => BotProcess.StartAsync(
        name,
        new Dictionary<string, string>
        {
            ["BlockBot:Telegram:Token"] = FakeBotApi.Token,
            ["BlockBot:Telegram:ApiUrl"] = fake.Url,
            ["BlockBot:Telegram:PollingTimeoutSeconds"] = "2",
            // Fast sends so the burst takes seconds; the limits themselves are TelegramRateTests' subject.
            ["BlockBot:Telegram:MessagesPerSecond"] = "200",
            ["BlockBot:Telegram:ChatMessagesPerSecond"] = "50",
            ["BlockBot:Telegram:ConcurrentSends"] = ConcurrentSends.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Storage:Provider"] = _database.Provider.ToString(),
            ["BlockBot:Storage:ConnectionString"] = _database.ConnectionString,
            ["BlockBot:DialogsPath"] = RepositoryPaths.Dialogs,
            ["Logging:LogLevel:Default"] = "Warning",
        },
        _database.Root,
        output);
}
