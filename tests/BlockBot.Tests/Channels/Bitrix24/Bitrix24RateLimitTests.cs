using System.Globalization;
using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Xunit.Abstractions;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>The portal's limits: its leaky bucket kept from our side, and its 503 refusals retried without loss.</summary>
// Requests that leave in order can arrive reordered when the machine is busy, which the portal's bucket counts against us.
[Collection(TimingSensitiveCollection.Name)]
public sealed class Bitrix24RateLimitTests(ITestOutputHelper output) : IDisposable
{
    private const string Send = "imbot.v2.Chat.Message.send";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_burst_of_503_refusals_is_retried_and_nothing_is_lost()
    {
        await using var fake = await FakeBitrix24.StartAsync();
        await using var program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.Settings(fake, _database));
        fake.FailNext(6, Send);

        fake.Enqueue(FakeEvents.JoinChat, FakeEvents.Join(4001, 41));
        fake.Enqueue(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(4001, 41, "1"));

        await fake.WaitForAsync(f => f.Pending == 0 && f.SentTo("chat4001").Count >= 5, "every reply after the refusals");
        Assert.Equal(6, fake.CallsOf(Send).Count(c => c.Status == 503));
        var texts = fake.SentTo("chat4001").Select(m => m.Text).ToList();
        Assert.StartsWith("Hello! I'm BlockBot.", texts[0], StringComparison.Ordinal);
        Assert.StartsWith("What can I help you with?", texts[1], StringComparison.Ordinal);
        Assert.StartsWith("Sorry to hear your number was blocked.", texts[2], StringComparison.Ordinal);
        Assert.Equal(texts.Count, texts.Distinct().Count());
    }

    [Fact]
    public async Task A_burst_of_200_replies_keeps_the_bucket()
    {
        const double rate = 50;
        const int burst = 30;
        await using var fake = await FakeBitrix24.StartAsync(rate, burst);
        var settings = Bitrix24BotProgram.Settings(fake, _database);
        settings["BlockBot:Bitrix24:PollInterval"] = "00:00:01";
        await using var program = await Bitrix24BotProgram.StartAsync(settings);

        await Task.WhenAll(Enumerable.Range(1, 200).Select(i => SayAsync(program, $"chat{5000 + i}", $"Reminder {i}")));

        Report(fake, rate, burst);
        Assert.Equal(200, fake.CallsOf(Send).Count(c => c.Status == 200));
        Assert.DoesNotContain(fake.Calls, c => c.Status == 503);
    }

    [Fact]
    public async Task At_the_real_two_requests_a_second_the_client_waits_instead_of_being_refused()
    {
        const double rate = 2;
        const int burst = 5;
        await using var fake = await FakeBitrix24.StartAsync(rate, burst);
        var settings = Bitrix24BotProgram.Settings(fake, _database);
        settings["BlockBot:Bitrix24:PollInterval"] = "00:01:00";
        await using var program = await Bitrix24BotProgram.StartAsync(settings);

        await Task.WhenAll(Enumerable.Range(1, 6).Select(i => SayAsync(program, $"chat{6000 + i}", $"Reminder {i}")));

        var (_, sustained) = Report(fake, rate, burst);
        Assert.Equal(6, fake.CallsOf(Send).Count(c => c.Status == 200));
        Assert.DoesNotContain(fake.Calls, c => c.Status == 503);
        Assert.InRange(sustained, 1.0, rate * 1.1);
    }

    public void Dispose() => _database.Dispose();

    private static Task SayAsync(Bitrix24BotProgram program, string dialogId, string text) =>
        program.Adapter.ContinueConversationAsync(
            new ConversationReference
            {
                ChannelId = "bitrix24",
                Conversation = new ConversationAccount(id: dialogId),
                User = new ChannelAccount("41"),
                Bot = new ChannelAccount("456"),
                ServiceUrl = "bitrix24://portal",
            },
            (turn, token) => turn.SendActivityAsync(MessageFactory.Text(text), token),
            CancellationToken.None);

    /// <summary>Writes the figures and returns the most calls the fake accepted in any one-second window, and the rate after the burst.</summary>
    private (int PeakPerSecond, double Sustained) Report(FakeBitrix24 fake, double rate, int burst)
    {
        var accepted = fake.Calls.Where(c => !c.InBatch && c.Status != 503).Select(c => c.At).Order().ToList();
        var peak = accepted.Select((at, i) => accepted.Skip(i).TakeWhile(t => t - at < TimeSpan.FromSeconds(1)).Count()).Max();
        var afterBurst = accepted.Skip(burst).ToList();
        var sustained = afterBurst.Count > 1 ? (afterBurst.Count - 1) / (afterBurst[^1] - afterBurst[0]).TotalSeconds : 0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bucket {burst} at {rate}/s: {accepted.Count} calls accepted over {(accepted[^1] - accepted[0]).TotalSeconds:F2} s; peak {peak} in any 1 s window (allowed {rate + burst}); {sustained:F2} req/s after the burst; {fake.Calls.Count(c => c.Status == 503)} refused"));
        Assert.True(peak <= rate + burst, $"{peak} calls in one second exceed the bucket ({burst} + {rate}/s).");
        return (peak, sustained);
    }
}
