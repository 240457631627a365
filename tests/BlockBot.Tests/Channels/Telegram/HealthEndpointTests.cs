using System.Net;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>/health/live and /health/ready on the web host: the database, the scheduler and the Telegram API.</summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Live_answers_and_ready_reports_the_database_the_scheduler_and_telegram()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
        });
        using var http = new HttpClient { BaseAddress = new Uri(bot.HttpUrl) };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);

        // Quartz starts its scheduler just after the host has started: ready follows within moments.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        HttpResponseMessage ready;
        while ((ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), deadline.Token)).StatusCode != HttpStatusCode.OK)
        {
            await Task.Delay(50, deadline.Token);
        }

        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Contains(fake.Calls, c => c.Method == "getMe");
    }

    [Fact]
    public async Task Ready_fails_when_the_telegram_api_does_not_answer()
    {
        var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
        });
        using var http = new HttpClient { BaseAddress = new Uri(bot.HttpUrl) };
        await fake.DisposeAsync();

        var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    public void Dispose() => _database.Dispose();
}
