using System.Diagnostics;
using System.Globalization;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Proactive messages (a staff message event per customer, the path every reminder takes: a proactive turn
/// whose replies go to the outbox) to many chats at once, against a fake that enforces Telegram's limits
/// with 429 + retry_after. Everything must arrive exactly once, within the ceiling.
/// </summary>
public sealed class TelegramRateTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Two_thousand_reminders_to_two_thousand_chats_all_arrive_once_at_ten_times_the_real_rates()
    {
        // The fake and the limiter both at 10× Telegram's limits (300/s), so 2,000 messages take ~7 s, not ~67 s.
        var limits = FakeLimits.Telegram.Times(10);
        var (rate, throttled) = await DeliverAsync(2000, limits);
        output.WriteLine($"2000 messages: {rate:F1} msg/s achieved against a ceiling of {limits.PerSecond} msg/s; {throttled} answered 429");
        Assert.True(rate <= limits.PerSecond * 1.02, $"{rate:F1} msg/s is over the ceiling");
        // At 300/s the proactive turns themselves (state read and written in SQLite for each) are the other bound.
        Assert.True(rate >= limits.PerSecond * 0.3, $"{rate:F1} msg/s is less than a third of the ceiling");
    }

    [Fact]
    public async Task At_telegrams_own_limits_ninety_chats_get_their_message_within_30_per_second()
    {
        var limits = FakeLimits.Telegram;
        var (rate, throttled) = await DeliverAsync(90, limits);
        output.WriteLine($"90 messages: {rate:F1} msg/s achieved against a ceiling of {limits.PerSecond} msg/s; {throttled} answered 429");
        Assert.True(rate <= limits.PerSecond * 1.02, $"{rate:F1} msg/s is over the ceiling");
    }

    private async Task<(double Rate, long Throttled)> DeliverAsync(int chats, FakeLimits limits)
    {
        await using var fake = await FakeBotApi.StartAsync(limits);
        await using var bot = await TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Telegram:MessagesPerSecond"] = limits.PerSecond.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:ChatMessagesPerSecond"] = limits.ChatPerSecond.ToString(CultureInfo.InvariantCulture),
            ["BlockBot:Telegram:GroupMessagesPerMinute"] = limits.GroupPerMinute.ToString(CultureInfo.InvariantCulture),
        });
        var directory = bot.Services.GetRequiredService<IConversationDirectory>();
        var events = bot.Services.GetRequiredService<IConversationEvents>();
        var customers = Enumerable.Range(1, chats).Select(i => new CustomerId("telegram", (10_000 + i).ToString(CultureInfo.InvariantCulture))).ToList();
        foreach (var customer in customers)
        {
            await directory.SaveAsync(customer, new ConversationReference
            {
                ChannelId = "telegram",
                User = new ChannelAccount(customer.UserId),
                Bot = new ChannelAccount(FakeBotApi.BotId.ToString(CultureInfo.InvariantCulture)),
                Conversation = new ConversationAccount(isGroup: false, id: customer.UserId),
                ServiceUrl = fake.Url,
            }, CancellationToken.None);
        }

        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (customer, token) =>
            Assert.Equal(EventDelivery.Delivered, await events.DispatchAsync(customer, EventNames.StaffMessage, new Dictionary<string, string> { ["staff"] = "Anna", ["text"] = "Reminder " + customer.UserId }, deliveryId: null, token)));

        await fake.WaitUntilAsync(f => f.Sent.Count >= chats, $"{chats} messages", TimeSpan.FromSeconds(chats / limits.PerSecond * 3 + 30));
        var sent = fake.Sent;
        Assert.Equal(chats, sent.Count);
        Assert.All(customers, c => Assert.Single(sent, m => m.ChatId == long.Parse(c.UserId, CultureInfo.InvariantCulture)));
        var span = sent[^1].At - sent[0].At;
        return ((chats - 1) / span.TotalSeconds, fake.Throttled);
    }

    public void Dispose() => _database.Dispose();
}
