using BlockBot.Channels.Telegram;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>The bot's token is its password and sits in every Bot API URL: no log line may ever carry it.</summary>
public sealed class TelegramTokenLogTests : IDisposable
{
    private const long Customer = 47;
    private const string WrongToken = "123456:wrong-secret-token_XYZ";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task No_log_of_start_up_polling_errors_a_429_or_a_rejected_token_carries_the_token()
    {
        var logs = new CapturingLoggerProvider();
        // The fake refuses a second message to a chat within a second; the bot sends faster, so it meets a 429.
        await using var fake = await FakeBotApi.StartAsync(new FakeLimits(PerSecond: 1000, ChatPerSecond: 1, GroupPerMinute: 1000));
        var settings = TelegramFlows.Fast();
        settings["Logging:LogLevel:Default"] = "Trace";
        fake.FailGetUpdates(2);
        await using (var bot = await TelegramBot.StartAsync(fake, _database, settings, logs))
        {
            await fake.WaitUntilAsync(f => f.Calls.Count(c => c.Method == "getUpdates" && c.Status == 500) == 2, "getUpdates to fail twice");
            fake.Enqueue(Updates.Text(Customer, Customer, "/start"));
            var chat = new ChatReader(fake, bot, Customer);
            await chat.NextAsync("menu", "greet");
            await chat.NextAsync("menu", "choose");
            Assert.True(fake.Throttled > 0, "the fake never answered 429");
        }

        await Assert.ThrowsAsync<TelegramStartupException>(() =>
            TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>(settings) { ["BlockBot:Telegram:Token"] = WrongToken }, logs));

        var entries = logs.Entries;
        Assert.Contains(entries, e => e.Contains("getUpdates failed", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains("slow down", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Contains(nameof(TelegramStartupException), StringComparison.Ordinal));
        foreach (var secret in new[] { FakeBotApi.Token, FakeBotApi.Token.Split(':')[1], WrongToken, WrongToken.Split(':')[1] })
        {
            var leak = entries.FirstOrDefault(e => e.Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A log entry carries the token:{Environment.NewLine}{leak}");
        }
    }

    public void Dispose() => _database.Dispose();
}
