using System.Net;
using System.Net.Http.Json;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Telegram.Fake;

namespace BlockBot.Tests.Telegram;

/// <summary>Webhook mode: the program as a web application on 127.0.0.1, Telegram's calls simulated by posting updates to it.</summary>
public sealed class TelegramWebhookTests : IDisposable
{
    private const long Customer = 43;
    private const string Secret = "s3cret_Token-1";

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Only_calls_with_the_right_secret_are_processed_and_a_repeated_update_once()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
            ["BlockBot:Telegram:Mode"] = "Webhook",
            ["BlockBot:Telegram:WebhookUrl"] = "https://127.0.0.1:8443/telegram/hook",
            ["BlockBot:Telegram:WebhookSecret"] = Secret,
        });
        var setWebhook = Assert.Single(fake.Calls, c => c.Method == "setWebhook");
        Assert.Equal(("https://127.0.0.1:8443/telegram/hook", Secret), (setWebhook.Body["url"]!.GetValue<string>(), setWebhook.Body["secret_token"]!.GetValue<string>()));
        Assert.DoesNotContain(fake.Calls, c => c.Method == "getUpdates");

        using var http = new HttpClient { BaseAddress = new Uri(bot.HttpUrl) };
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, Update(1, "/help"), secret: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(http, Update(2, "/help"), secret: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/telegram/hook")
        {
            Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"),
            Headers = { { "X-Telegram-Bot-Api-Secret-Token", Secret } },
        })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Update(3, "/help"), Secret)).StatusCode);
        // Telegram resends an update it got no timely 200 for: the same id is handled once.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Update(3, "/help"), Secret)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, Update(4, "/help"), Secret)).StatusCode);

        await fake.WaitUntilAsync(f => f.SentTo(Customer).Count >= 2, "both /help updates to be answered");
        await using (var connection = await _database.CreateFactory().OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT update_id FROM telegram_update ORDER BY update_id";
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }

            Assert.Equal([3L, 4L], ids);
        }

        var chat = new ChatReader(fake, bot, Customer);
        await chat.NextAsync(Expected.Text("help"));
        await chat.NextAsync(Expected.Text("help"));
        Assert.Equal(2, fake.SentTo(Customer).Count);
    }

    [Fact]
    public async Task Webhook_mode_without_an_http_address_stops_at_start()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var failure = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Telegram:Mode"] = "Webhook",
            ["BlockBot:Telegram:WebhookUrl"] = "https://127.0.0.1:8443/telegram/hook",
            ["BlockBot:Telegram:WebhookSecret"] = Secret,
        }));
        Assert.Contains("BlockBot:Http:Urls", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_token_is_one_clear_start_up_error()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var failure = await Assert.ThrowsAsync<BlockBot.Channels.Telegram.TelegramStartupException>(() => TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Telegram:Token"] = "123:not-the-token",
        }));
        Assert.Contains("rejected the token", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _database.Dispose();

    private static System.Text.Json.Nodes.JsonObject Update(long id, string text)
    {
        var update = Updates.Text(Customer, Customer, text);
        update["update_id"] = id;
        return update;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, System.Text.Json.Nodes.JsonObject update, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = JsonContent.Create(update) };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return http.SendAsync(request);
    }
}
