using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Channels.Telegram;
using BlockBot.Storage.Sql;
using BlockBot.Storage.Turns;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Storage;

/// <summary>The records that make redeliveries harmless are kept long enough for that, and not for ever.</summary>
public sealed class RetentionTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Handled_updates_older_than_a_week_are_forgotten_and_pending_ones_kept()
    {
        var factory = await _database.MigrateAsync();
        var clock = new FakeTimeProvider(BotHost.Start);
        var store = TempDatabase.TelegramStoreOn(factory, clock);
        await store.RecordAsync([Update(1), Update(2)], CancellationToken.None);
        await store.CompleteAsync(1, [], CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(8));
        await store.RecordAsync([Update(3)], CancellationToken.None);
        await store.CompleteAsync(3, [], CancellationToken.None);

        Assert.Equal(1, await store.PruneAsync(clock.GetUtcNow() - TelegramInboxRetention.Kept, CancellationToken.None));

        Assert.Equal([2L], (await store.PendingUpdatesAsync(10, CancellationToken.None)).Select(u => u.UpdateId));
        // Update 3 is still known: offered again, it is not taken as new.
        Assert.Equal(0, await store.RecordAsync([Update(3)], CancellationToken.None));
    }

    [Fact]
    public async Task Delivery_marks_older_than_thirty_days_go_when_a_new_one_is_saved()
    {
        var factory = await _database.MigrateAsync();
        var clock = new FakeTimeProvider(BotHost.Start);
        var delivered = new SqlDeliveredEvents(factory);
        var turns = TempDatabase.TurnStoreOn(factory, new SqlStorage(factory, clock, NullLogger<SqlStorage>.Instance), new EventDeliveredWriter(clock));
        await SaveAsync(turns, new EventDelivered("old"));
        clock.Advance(TimeSpan.FromDays(29));
        await SaveAsync(turns, new EventDelivered("recent"));
        clock.Advance(TimeSpan.FromDays(2));
        await SaveAsync(turns, new EventDelivered("new"));

        Assert.False(await delivered.WasDeliveredAsync("old", CancellationToken.None));
        Assert.True(await delivered.WasDeliveredAsync("recent", CancellationToken.None));
        Assert.True(await delivered.WasDeliveredAsync("new", CancellationToken.None));
    }

    private static async Task SaveAsync(ITurnStore turns, TurnRecord record)
    {
        var work = new TurnUnitOfWork();
        work.Add(record);
        await turns.SaveAsync(work, CancellationToken.None);
    }

    private static ReceivedUpdate Update(int id) =>
        new(id, 42, $$$"""{"update_id":{{{id}}},"message":{"message_id":{{{id}}},"date":1767225600,"chat":{"id":42,"type":"private"},"text":"hello"}}""");
}
