using BlockBot.Channels.Telegram;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Storage;
using BlockBot.Storage.Channels.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// The limiter's order for one chat: a staff action that arrives while queued sends wait for the group's gap goes next,
/// a new card after it, and the queued ones keep their own order.
/// </summary>
public sealed class TelegramSendPriorityTests : IAsyncDisposable
{
    private const long Group = -100_700;

    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public async Task Staff_sends_overtake_queued_sends_waiting_for_the_same_group_and_queued_sends_keep_their_order()
    {
        // 600 a minute: 100 ms between two sends to the group, on a clock that moves only when told.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var gap = TimeSpan.FromMilliseconds(100);
        await using var limiter = new TelegramSendLimiter(
            Options.Create(new TelegramOptions { GroupMessagesPerMinute = 600, MessagesPerSecond = 1000 }),
            new SqlSharedSendSchedule(new SqliteOnly()),
            clock,
            new BlockBotMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
            NullLogger<TelegramSendLimiter>.Instance);
        var sent = new List<string>();
        int Sent()
        {
            lock (sent)
            {
                return sent.Count;
            }
        }

        Task Send(string what, SendPriority priority) => limiter.SendAsync(Group, priority, _ =>
        {
            lock (sent)
            {
                sent.Add(what);
            }

            return Task.CompletedTask;
        }, CancellationToken.None);

        // The first goes at once; the rest wait for the gap after it, whatever order they came in.
        var sends = new List<Task> { Send("relay 1", SendPriority.Queued) };
        await sends[0];
        sends.Add(Send("relay 2", SendPriority.Queued));
        sends.Add(Send("refusal", SendPriority.Queued));
        sends.Add(Send("new card", SendPriority.Card));
        sends.Add(Send("card edit", SendPriority.StaffAction));
        sends.Add(Send("relay 3", SendPriority.Queued));
        for (var next = 1; next < sends.Count; next++)
        {
            Assert.Equal(next, Sent());
            clock.Advance(gap);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Sent() == next)
            {
                Assert.True(DateTime.UtcNow < deadline, $"send {next + 1} did not go a gap after send {next}");
                await Task.Delay(5);
            }
        }

        await Task.WhenAll(sends);

        Assert.Equal(["relay 1", "card edit", "new card", "relay 2", "refusal", "relay 3"], sent);
    }

    public async ValueTask DisposeAsync() => await _meters.DisposeAsync();

    /// <summary>A SQLite factory: nothing shared between instances, so the limiter never opens it.</summary>
    private sealed class SqliteOnly : IDbConnectionFactory
    {
        public StorageProvider Provider => StorageProvider.Sqlite;

        public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The limiter opened the database without sharing.");
    }
}
