using System.Diagnostics;
using BlockBot.Channels.Telegram;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Storage.Channels.Telegram;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Telegram counts the bot's messages, not an instance's: two instances on one PostgreSQL database keep the overall
/// rate and a chat's gap together, booking their sends in the shared schedule.
/// </summary>
[Collection(TimingSensitiveCollection.Name)]
public sealed class SharedSendLimitTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public void Dispose()
    {
        _meters.Dispose();
        _database.Dispose();
    }

    [PostgresFact]
    public async Task Two_instances_together_send_no_faster_than_the_overall_rate()
    {
        const int perSecond = 10;
        await _database.MigrateAsync();
        await using var first = Limiter(new TelegramOptions { MessagesPerSecond = perSecond, ChatMessagesPerSecond = 100 });
        await using var second = Limiter(new TelegramOptions { MessagesPerSecond = perSecond, ChatMessagesPerSecond = 100 });

        // Each instance alone would send its 15 in 1.4 s; together they may send 10 a second, not 20.
        var sent = await SendAllAsync([first, second], Enumerable.Range(1, 30).Select(i => (long)i).ToList());

        AssertSpacedAtLeast(sent, TimeSpan.FromSeconds(1.0 / perSecond));
    }

    [PostgresFact]
    public async Task Two_instances_posting_to_the_staff_group_keep_its_gap_together()
    {
        const int perMinute = 600;
        await _database.MigrateAsync();
        await using var first = Limiter(new TelegramOptions { GroupMessagesPerMinute = perMinute, MessagesPerSecond = 1000 });
        await using var second = Limiter(new TelegramOptions { GroupMessagesPerMinute = perMinute, MessagesPerSecond = 1000 });

        var sent = await SendAllAsync([first, second], Enumerable.Repeat(-100_500L, 20).ToList());

        // 600 a minute is one every 100 ms, whichever instance sends.
        AssertSpacedAtLeast(sent, TimeSpan.FromMinutes(1.0 / perMinute));
    }

    private TelegramSendLimiter Limiter(TelegramOptions options) => new(
        Options.Create(options),
        new SqlSharedSendSchedule(_database.CreateFactory()),
        TimeProvider.System,
        new BlockBotMetrics(_meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        NullLogger<TelegramSendLimiter>.Instance);

    private static async Task<List<TimeSpan>> SendAllAsync(IReadOnlyList<TelegramSendLimiter> limiters, IReadOnlyList<long> chats)
    {
        var clock = Stopwatch.StartNew();
        var sent = new List<TimeSpan>();
        await Task.WhenAll(chats.Select((chat, i) => limiters[i % limiters.Count].SendAsync(chat, SendPriority.Queued, _ =>
        {
            lock (sent)
            {
                sent.Add(clock.Elapsed);
            }

            return Task.CompletedTask;
        }, CancellationToken.None)));
        sent.Sort();
        return sent;
    }

    /// <remarks>
    /// On the whole run rather than per window: a loaded machine wakes timers late and bunches sends, but cannot make
    /// a run shorter than its booked slots.
    /// </remarks>
    private static void AssertSpacedAtLeast(IReadOnlyList<TimeSpan> sent, TimeSpan gap)
    {
        var least = gap * (sent.Count - 1) * 0.95;
        var took = sent[^1] - sent[0];
        Assert.True(took >= least, $"{sent.Count} sends went out in {took.TotalMilliseconds:F0} ms; at one per {gap.TotalMilliseconds:F0} ms they take at least {least.TotalMilliseconds:F0} ms.");
    }
}
