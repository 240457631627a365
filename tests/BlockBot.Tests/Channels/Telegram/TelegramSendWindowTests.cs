using BlockBot.Channels.Telegram;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Storage;
using BlockBot.Storage.Channels.Telegram;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Telegram counts a bot's messages within any one second. Sends spaced evenly at exactly the rate still put one
/// message too many into some second whenever the network delays one request more than the one a rate later, and that
/// message is answered 429 (10,000 reminders due at once met a 429 every few seconds). So a send also takes one of
/// <c>MessagesPerSecond</c> places, given back a second after its answer.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class TelegramSendWindowTests : IAsyncDisposable
{
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task Within_a_second_of_the_first_answer_no_more_sends_go_than_the_overall_rate()
    {
        // 50 a second: a token every 20 ms on the real clock; the second the places are counted in passes on this clock,
        // which moves only when told.
        const int perSecond = 50;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var limiter = new TelegramSendLimiter(
            Options.Create(new TelegramOptions { MessagesPerSecond = perSecond, ChatMessagesPerSecond = 1000 }),
            new SqlSharedSendSchedule(new SqliteOnly()),
            clock,
            new BlockBotMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<TelegramSendLimiter>.Instance);
        var sent = 0;
        var sends = Enumerable.Range(1, perSecond + 1)
            .Select(chat => limiter.SendAsync(chat, SendPriority.Queued, _ =>
            {
                Interlocked.Increment(ref sent);
                return Task.CompletedTask;
            }, CancellationToken.None))
            .ToList();

        await WaitUntilAsync(() => Volatile.Read(ref sent) == perSecond, "the first 50 sends");

        // The next token comes 20 ms later; the 51st send must wait for the second instead, however long the tokens say.
        var all = Task.WhenAll(sends);
        Assert.NotSame(all, await Task.WhenAny(all, Task.Delay(TimeSpan.FromMilliseconds(500))));
        Assert.Equal(perSecond, Volatile.Read(ref sent));

        clock.Advance(TimeSpan.FromSeconds(1));
        await all.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(perSecond + 1, sent);
    }

    public async ValueTask DisposeAsync() => await _meters.DisposeAsync();

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not go within 30 s");
            await Task.Delay(5);
        }
    }

    /// <summary>A SQLite factory: nothing shared between instances, so the limiter never opens it.</summary>
    private sealed class SqliteOnly : IDbConnectionFactory
    {
        public StorageProvider Provider => StorageProvider.Sqlite;

        public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The limiter opened the database without sharing.");
    }
}
