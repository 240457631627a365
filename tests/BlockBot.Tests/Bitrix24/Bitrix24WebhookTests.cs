using System.Net;
using BlockBot.Tests.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Bitrix24;

/// <summary>Webhook mode: the real program as a web host on 127.0.0.1, events form-encoded as the portal posts them.</summary>
public sealed class Bitrix24WebhookTests : IAsyncLifetime, IDisposable
{
    private const long Chat = 2001;
    private const long Customer = 77;
    private const string Dialog = "chat2001";

    private readonly TempDatabase _database = new();
    private readonly HttpClient _http = new();
    private FakeBitrix24 _fake = null!;
    private Bitrix24BotProgram _program = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBitrix24.StartAsync();
        _program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithWebhook(Bitrix24BotProgram.Settings(_fake, _database)));
    }

    public async Task DisposeAsync()
    {
        await _program.DisposeAsync();
        await _fake.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task An_event_with_the_application_token_runs_the_turn_before_the_answer()
    {
        Assert.Equal("webhook", Assert.Single(_fake.Bots)["eventMode"]!.ToString());
        Assert.Empty(_fake.CallsOf("imbot.v2.Event.get"));

        var status = await PostAsync(FakeEvents.JoinChat, FakeEvents.Join(Chat, Customer), Bitrix24BotProgram.ApplicationToken);

        Assert.Equal(HttpStatusCode.OK, status);
        var messages = _fake.SentTo(Dialog);
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("What can I help you with?", messages[1].Text, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeEvents.CommandAdd, FakeEvents.KeyboardPress(Chat, Customer, "choice", "blocked"), Bitrix24BotProgram.ApplicationToken));
        Assert.StartsWith("What is the name of the Bitrix24 open line", _fake.SentTo(Dialog)[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_event_delivered_twice_at_the_same_moment_runs_one_turn()
    {
        await PostAsync(FakeEvents.JoinChat, FakeEvents.Join(Chat, Customer), Bitrix24BotProgram.ApplicationToken);
        var press = FakeEvents.KeyboardPress(Chat, Customer, "choice", "blocked");

        // The portal retries an event it saw no answer to; both copies arrive while the first turn runs.
        var statuses = await Task.WhenAll(
            PostAsync(FakeEvents.CommandAdd, press, Bitrix24BotProgram.ApplicationToken),
            PostAsync(FakeEvents.CommandAdd, press, Bitrix24BotProgram.ApplicationToken));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var texts = _fake.SentTo(Dialog).Select(m => m.Text).ToList();
        Assert.Equal(5, texts.Count);
        Assert.Single(texts, t => t.StartsWith("What is the name of the Bitrix24 open line", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("wrong-token")]
    [InlineData(null)]
    public async Task An_event_with_a_wrong_or_no_token_gets_401_and_nothing_is_handled(string? token)
    {
        var status = await PostAsync(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(Chat, Customer, "/start"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_fake.Sent);
    }

    [Fact]
    public async Task A_malformed_payload_gets_400()
    {
        using var noData = new FormUrlEncodedContent([new("event", FakeEvents.MessageAdd), new("auth[application_token]", Bitrix24BotProgram.ApplicationToken)]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync(_program.EventUri, noData)).StatusCode);

        using var badKey = new FormUrlEncodedContent([new("event", FakeEvents.MessageAdd), new("data[chat", "x"), new("auth[application_token]", Bitrix24BotProgram.ApplicationToken)]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync(_program.EventUri, badKey)).StatusCode);

        using var json = new StringContent("{\"event\":\"ONIMBOTV2MESSAGEADD\"}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.PostAsync(_program.EventUri, json)).StatusCode);

        var data = FakeEvents.CustomerMessage(Chat, Customer, "hello");
        data.Remove("chat");
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(FakeEvents.MessageAdd, data, Bitrix24BotProgram.ApplicationToken));
        Assert.Empty(_fake.Sent);
    }

    [Fact]
    public async Task The_same_event_delivered_twice_runs_one_turn()
    {
        var data = FakeEvents.CustomerMessage(Chat, Customer, "/start");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeEvents.MessageAdd, data, Bitrix24BotProgram.ApplicationToken));
        var after = _fake.SentTo(Dialog).Count;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeEvents.MessageAdd, data, Bitrix24BotProgram.ApplicationToken));
        Assert.Equal(after, _fake.SentTo(Dialog).Count);
    }

    private async Task<HttpStatusCode> PostAsync(string type, System.Text.Json.Nodes.JsonObject data, string? token)
    {
        using var form = new FormUrlEncodedContent(FakeEvents.ToForm(type, data, _fake.BotId, token));
        using var response = await _http.PostAsync(_program.EventUri, form);
        return response.StatusCode;
    }
}
