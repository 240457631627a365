using System.Globalization;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Xunit.Abstractions;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// The per-group limit (Telegram: 20 messages a minute) under load: a customer's 25 messages, written at once
/// while their ticket waits for support, relayed to the staff group. The fake counts the group over a 3-second window instead of a minute, and
/// the bot's <c>GroupMessagesPerMinute</c> is scaled to match, so the test takes seconds.
/// </summary>
public sealed class TelegramGroupRateTests(ITestOutputHelper output) : IDisposable
{
    private const long Customer = 45;
    private const int Relays = 25;

    // 20 per 3 s, as Telegram's 20 per minute is: the same shape, twenty times faster.
    private static readonly FakeLimits GroupLimit = new(PerSecond: 1000, ChatPerSecond: 1000, GroupPerMinute: 20, GroupWindow: TimeSpan.FromSeconds(3));

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Relays_to_the_group_are_spaced_at_the_configured_group_rate_and_the_group_limit_is_never_hit()
    {
        const double perMinute = 400;
        var (relays, throttled) = await RelayAsync(perMinute);

        var gap = TimeSpan.FromMinutes(1 / perMinute);
        var gaps = relays.Zip(relays.Skip(1), (a, b) => b.At - a.At).ToList();
        output.WriteLine($"{Relays} relays in {(relays[^1].At - relays[0].At).TotalSeconds:F2} s; smallest gap {gaps.Min().TotalMilliseconds:F0} ms (configured {gap.TotalMilliseconds:F0} ms); {throttled} answered 429");
        Assert.All(gaps, g => Assert.True(g >= gap, $"two group messages {g.TotalMilliseconds:F0} ms apart; the configured gap is {gap.TotalMilliseconds:F0} ms"));
        Assert.Equal(0, throttled);
    }

    [Fact]
    public async Task A_limiter_set_faster_than_the_group_takes_waits_out_each_429_and_still_delivers_every_relay_once_in_order()
    {
        var (relays, throttled) = await RelayAsync(perMinute: 6000);

        output.WriteLine($"{Relays} relays in {(relays[^1].At - relays[0].At).TotalSeconds:F2} s; {throttled} answered 429");
        Assert.True(throttled > 0, "the fake never refused: the test did not reach the group limit");
    }

    public void Dispose() => _database.Dispose();

    /// <summary>Opens a ticket, has the customer write 25 messages at once, and returns the relays as the group got them.</summary>
    private async Task<(IReadOnlyList<SentMessage> Relays, long Throttled)> RelayAsync(double perMinute)
    {
        await using var fake = await FakeBotApi.StartAsync(GroupLimit);
        var settings = TelegramFlows.Fast();
        settings["BlockBot:Telegram:GroupMessagesPerMinute"] = perMinute.ToString(CultureInfo.InvariantCulture);
        await using var bot = await TelegramBot.StartAsync(fake, _database, settings);
        var chat = new ChatReader(fake, bot, Customer);
        var staff = new ChatReader(fake, bot, TelegramBot.StaffChat);
        // Waiting for support's confirmation, everything the customer writes is relayed to the card.
        var card = await TelegramFlows.OpenClearingTicketAsync(fake, chat, staff, Customer, "Продажи");

        var texts = Enumerable.Range(1, Relays).Select(i => $"Сообщение {i:D2}").ToList();
        foreach (var text in texts)
        {
            fake.Enqueue(Updates.Text(Customer, Customer, text));
        }

        await fake.WaitUntilAsync(f => f.SentTo(TelegramBot.StaffChat).Count >= Relays + 1, $"{Relays} relays", TimeSpan.FromSeconds(60));
        await bot.HandledAllAsync(fake, "every customer message to be handled");
        var group = fake.SentTo(TelegramBot.StaffChat);
        var relays = group.Where(m => m.Text.Contains(" · the customer writes:", StringComparison.Ordinal)).ToList();
        Assert.Equal(texts, relays.Select(m => m.Text.Split('\n')[^1]));
        Assert.All(relays, m => Assert.Equal(card.MessageId, m.ReplyTo));
        Assert.Equal(Relays + 1, group.Count);
        return (relays, fake.Throttled);
    }
}
