using BlockBot.Channels.Telegram.Sending;
using BlockBot.Storage.Channels.Telegram;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Sent outbox rows are deleted together (one statement for the rows sent at once), yet each sender still finds its
/// own row gone when its delete returns, so no other sender (or instance) sends that message again, and messages not
/// yet sent stay queued in order.
/// </summary>
public sealed class TelegramOutboxDeleteTests : IDisposable
{
    private const int Sent = 300;
    private const int Unsent = 7;

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Rows_sent_at_once_are_each_gone_when_their_delete_returns_and_the_unsent_stay_queued()
    {
        var store = TempDatabase.TelegramStoreOn(await _database.MigrateAsync(), TimeProvider.System);
        await store.QueueAsync(
            Enumerable.Range(1, Sent + Unsent).Select(i => Outgoing.Message(1000 + (i % 50), $"message {i}")).ToList(),
            CancellationToken.None);
        var queued = await store.PendingOutgoingAsync(Sent + Unsent, CancellationToken.None);
        Assert.Equal(Sent + Unsent, queued.Count);

        var stillQueuedAfterDelete = await Task.WhenAll(queued.Take(Sent).Select(async row =>
        {
            await Task.Yield();
            await store.DeleteOutgoingAsync(row.Id, CancellationToken.None);
            return await store.FindQueuedAsync(row.Id, CancellationToken.None) is not null;
        }));

        Assert.All(stillQueuedAfterDelete, Assert.False);
        var left = await store.PendingOutgoingAsync(Sent + Unsent, CancellationToken.None);
        Assert.Equal(queued.Skip(Sent).Select(r => r.Id), left.Select(r => r.Id));
    }
}
