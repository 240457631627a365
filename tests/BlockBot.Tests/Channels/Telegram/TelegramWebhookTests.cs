using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Dapper;

namespace BlockBot.Tests.Channels.Telegram;

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
    public async Task Bad_input_gets_400_or_413_or_is_taken_and_quarantined_never_a_5xx()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await StartAsync(fake);
        using var http = new HttpClient { BaseAddress = new Uri(bot.HttpUrl) };

        var withoutChat = Update(10, "/start");
        withoutChat["message"]!["chat"] = null;
        var farFuture = Update(11, "/start");
        farFuture["message"]!["date"] = 99999999999999;
        var joinedWithoutMember = JsonNode.Parse("""
            {"update_id":12,"my_chat_member":{"chat":{"id":-555,"type":"group","title":"g"},"from":{"id":77,"is_bot":false,"first_name":"a"},
             "date":1767225600,"old_chat_member":{"status":"left","user":{"id":7000001,"is_bot":true,"first_name":"b"}},"new_chat_member":null}}
            """)!.AsObject();
        var unknownEntity = Update(13, "/start");
        unknownEntity["message"]!["entities"] = JsonNode.Parse("""[{"type":"future_entity_kind","offset":0,"length":6}]""");
        var unknownChatType = Update(14, "/start");
        unknownChatType["message"]!["chat"]!["type"] = "future_chat_kind";

        var statuses = new List<HttpStatusCode>();
        foreach (var update in new[] { withoutChat, farFuture, joinedWithoutMember, unknownEntity, unknownChatType })
        {
            statuses.Add((await PostAsync(http, update, Secret)).StatusCode);
        }

        statuses.Add((await PostRawAsync(http, new StringContent("{\"update_id\":15,\"message\":{\"text\":\"trunc", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        // 5 MB, with its length announced and without: refused before it is read into memory.
        var fiveMegabytes = new string('a', 5 * 1024 * 1024);
        statuses.Add((await PostRawAsync(http, new StringContent($"{{\"update_id\":16,\"message\":{{\"text\":\"{fiveMegabytes}\"}}}}"))).StatusCode);
        statuses.Add((await PostRawAsync(http, new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(fiveMegabytes))))).StatusCode);

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.RequestEntityTooLarge],
            statuses);
        await new ChatReader(fake, bot, Customer).NextAsync("menu", "greet");
        using var connection = _database.OpenConnection();
        Assert.Equal(
            [(10L, "incomplete"), (11L, "unreadable"), (12L, "incomplete")],
            (await connection.QueryAsync<(long, string)>("SELECT update_id, reason FROM telegram_quarantine ORDER BY update_id"))
                .Select(q => (q.Item1, q.Item2[..q.Item2.IndexOf(':', StringComparison.Ordinal)])));
        // Quarantined at once: none of them waits in the inbox to be tried again.
        Assert.Equal([13L, 14L], await connection.QueryAsync<long>("SELECT update_id FROM telegram_update ORDER BY update_id"));
        Assert.DoesNotContain(fake.Calls, c => c.Method == "leaveChat");
    }

    [Fact]
    public async Task A_size_limit_below_a_few_kilobytes_stops_at_start()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var failure = await Assert.ThrowsAsync<BlockBot.Configuration.ConfigurationException>(() => TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
        {
            ["BlockBot:Telegram:MaxUpdateBytes"] = "100",
        }));
        Assert.Contains("BlockBot:Telegram:MaxUpdateBytes is '100'", failure.Message, StringComparison.Ordinal);
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

    private Task<TelegramBot> StartAsync(FakeBotApi fake) => TelegramBot.StartAsync(fake, _database, new Dictionary<string, string?>
    {
        ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
        ["BlockBot:Telegram:Mode"] = "Webhook",
        ["BlockBot:Telegram:WebhookUrl"] = "https://127.0.0.1:8443/telegram/hook",
        ["BlockBot:Telegram:WebhookSecret"] = Secret,
    });

    private static Task<HttpResponseMessage> PostRawAsync(HttpClient http, HttpContent content) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/telegram/hook")
        {
            Content = content,
            Headers = { { "X-Telegram-Bot-Api-Secret-Token", Secret } },
        });

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
