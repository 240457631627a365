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
/// The limiter keeps a turn per chat only while it matters: a bot that writes to ever new chats does not keep one for
/// each chat it ever wrote to, and a chat in use or within its gap keeps its own.
/// </summary>
public sealed class TelegramSendLimiterChatsTests : IAsyncDisposable
{
    private const int ManyChats = 10_000;

    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Chats_written_to_once_long_ago_are_not_kept()
    {
        await using var limiter = Limiter();
        for (var chat = 1L; chat <= ManyChats; chat++)
        {
            await limiter.SendAsync(chat, SendPriority.Queued, _ => Task.CompletedTask, CancellationToken.None);
            // Past the chat's one-second gap (and the second an overall place is held).
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        Assert.InRange(limiter.ChatsKept, 1, 2 * ChatSendTurns.FewestLookedAt);
    }

    [Fact]
    public async Task A_chat_whose_send_is_under_way_keeps_its_turn_while_idle_chats_are_dropped()
    {
        await using var limiter = Limiter();
        const long busy = 42;
        var firstMayEnd = new TaskCompletionSource();
        var firstRunning = true;
        var overlapped = false;
        var first = limiter.SendAsync(busy, SendPriority.Queued, async _ =>
        {
            await firstMayEnd.Task;
            Volatile.Write(ref firstRunning, false);
        }, CancellationToken.None);

        for (var chat = 1000L; chat < 1000 + ManyChats; chat++)
        {
            await limiter.SendAsync(chat, SendPriority.Queued, _ => Task.CompletedTask, CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(2));
        }

        // Idle chats were dropped meanwhile; the busy one was not, so a second send to it waits for the first.
        Assert.True(limiter.ChatsKept <= 2 * ChatSendTurns.FewestLookedAt);
        var second = limiter.SendAsync(busy, SendPriority.Queued, _ =>
        {
            overlapped = Volatile.Read(ref firstRunning);
            return Task.CompletedTask;
        }, CancellationToken.None);
        Assert.False(second.IsCompleted);

        firstMayEnd.SetResult();
        await first;
        _clock.Advance(TimeSpan.FromSeconds(2));
        await second.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task A_chat_within_its_gap_keeps_it_while_idle_chats_are_dropped()
    {
        await using var limiter = Limiter();
        const long recent = 7;
        var sentAt = new List<DateTimeOffset>();
        await limiter.SendAsync(recent, SendPriority.Queued, _ =>
        {
            sentAt.Add(_clock.GetUtcNow());
            return Task.CompletedTask;
        }, CancellationToken.None);

        // Many chats written to within the recent chat's one-second gap: the clock does not move.
        for (var chat = 1000L; chat < 1000 + 3 * ChatSendTurns.FewestLookedAt; chat++)
        {
            await limiter.SendAsync(chat, SendPriority.Queued, _ => Task.CompletedTask, CancellationToken.None);
        }

        var second = limiter.SendAsync(recent, SendPriority.Queued, _ =>
        {
            sentAt.Add(_clock.GetUtcNow());
            return Task.CompletedTask;
        }, CancellationToken.None);
        Assert.False(second.IsCompleted);
        _clock.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, sentAt.Count);
        Assert.True(sentAt[1] - sentAt[0] >= TimeSpan.FromSeconds(1));
    }

    public async ValueTask DisposeAsync() => await _meters.DisposeAsync();

    private TelegramSendLimiter Limiter() => new(
        // The product's gap per chat (1 s); an overall rate high enough that it never holds these sends up.
        Options.Create(new TelegramOptions { MessagesPerSecond = 10_000 }),
        new SqlSharedSendSchedule(new SqliteOnly()),
        _clock,
        new BlockBotMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        NullLogger<TelegramSendLimiter>.Instance);

    /// <summary>A SQLite factory: nothing shared between instances, so the limiter never opens it.</summary>
    private sealed class SqliteOnly : IDbConnectionFactory
    {
        public StorageProvider Provider => StorageProvider.Sqlite;

        public Task<System.Data.Common.DbConnection> OpenAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The limiter opened the database without sharing.");
    }
}
