using System.Globalization;
using System.Net;
using BlockBot.Channels.Bitrix24;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Transcripts;
using BlockBot.Support.Transcripts;
using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Channels.Bitrix24;

/// <summary>Webhook mode: the real program as a web host on 127.0.0.1, events form-encoded as the portal posts them.</summary>
public sealed class Bitrix24WebhookTests : IAsyncLifetime, IDisposable
{
    private const long Chat = 2001;
    private const long Customer = 77;
    private const string Dialog = "chat2001";

    private readonly TempDatabase _database = new();
    private readonly HttpClient _http = new();
    private readonly CapturingLoggerProvider _logs = new();
    private FakeBitrix24 _fake = null!;
    private Bitrix24BotProgram _program = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBitrix24.StartAsync();
        _program = await Bitrix24BotProgram.StartAsync(Bitrix24BotProgram.WithWebhook(Bitrix24BotProgram.Settings(_fake, _database)), _logs);
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
    public async Task A_body_that_is_no_url_encoded_form_gets_400_before_any_token_check_with_at_most_one_short_log_line()
    {
        var before = _logs.Entries.Count;
        var bodies = new List<HttpContent>
        {
            new StringContent("x", System.Text.Encoding.ASCII, "text/plain"),
            new StringContent("--zzz\r\nContent-Disposition: form-data; name=\"event\"\r\n\r\nONIMBOTV2MESSAGEADD", System.Text.Encoding.ASCII, "text/plain"),
            new StringContent("a=%zz&b=%E0%A4%A", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded"),
            new ByteArrayContent([0xFF, 0xFE, 0x00, 0x3D, 0x26]),
        };
        bodies[0].Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zzz");
        bodies[1].Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=zzz");
        bodies[3].Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=no-such-charset");

        var statuses = new List<HttpStatusCode>();
        foreach (var body in bodies)
        {
            using (body)
            {
                using var response = await _http.PostAsync(_program.EventUri, body);
                statuses.Add(response.StatusCode);
            }
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], statuses.Take(2));
        Assert.All(statuses, status => Assert.InRange((int)status, 400, 499));
        var entries = _logs.Entries.Skip(before).ToList();
        Assert.True(entries.Count <= bodies.Count, string.Join(Environment.NewLine, entries));
        Assert.All(entries, e => Assert.DoesNotContain("   at ", e, StringComparison.Ordinal));
        Assert.Empty(_fake.Sent);
    }

    [Fact]
    public async Task A_body_over_the_limit_gets_413_and_is_not_read()
    {
        var big = new string('a', (int)BlockBot.Channels.Bitrix24.Webhook.Bitrix24WebhookEndpoint.MaxEventBytes + 1);
        using var declared = new StringContent("data=" + big, System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _http.PostAsync(_program.EventUri, declared)).StatusCode);

        // Chunked: no length up front, so the limit stops the read part-way.
        using var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("data=" + big)));
        chunked.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, _program.EventUri) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task An_event_in_a_chat_the_portal_refuses_to_write_to_is_acknowledged_once_with_one_log_line()
    {
        _fake.RefuseWritesTo(Dialog);
        var before = _logs.Entries.Count;
        var message = FakeEvents.CustomerMessage(Chat, Customer, "/start");

        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeEvents.MessageAdd, message, Bitrix24BotProgram.ApplicationToken));
        var attempts = _fake.CallsOf("imbot.v2.Chat.Message.send").Count;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(FakeEvents.MessageAdd, message, Bitrix24BotProgram.ApplicationToken));

        Assert.Equal(1, attempts);
        Assert.Equal(attempts, _fake.CallsOf("imbot.v2.Chat.Message.send").Count);
        Assert.Empty(_fake.Sent);
        var entries = _logs.Entries.Skip(before).ToList();
        Assert.Single(entries, e => e.Contains("Bitrix24Adapter", StringComparison.Ordinal) && e.Contains("ACCESS_DENIED", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("   at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Line_breaks_in_an_event_cannot_forge_a_log_line()
    {
        var forgedUser = FakeEvents.CustomerMessage(Chat, Customer, "hi");
        forgedUser["user"]!["id"] = "77\nwarn: forged";
        var forgedType = FakeEvents.CustomerMessage(Chat, Customer, "hi");
        forgedType.Remove("chat");

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(FakeEvents.MessageAdd, forgedUser, Bitrix24BotProgram.ApplicationToken));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(FakeEvents.MessageAdd + "\ninfo: forged", forgedType, Bitrix24BotProgram.ApplicationToken));

        Assert.Equal(2, _logs.Entries.Count(e => e.Contains("control characters", StringComparison.Ordinal)));
        Assert.DoesNotContain(_logs.Entries, e => e.Contains("\ninfo: forged", StringComparison.Ordinal) || e.Contains("\nwarn: forged", StringComparison.Ordinal));
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

        var transcript = await _program.Services.GetRequiredService<ITranscriptReader>()
            .ListForCustomerAsync(new CustomerId(Bitrix24Adapter.Channel, Customer.ToString(CultureInfo.InvariantCulture)), 200, null, CancellationToken.None);
        Assert.Equal(["/start"], transcript.Where(l => l.Direction == TranscriptDirection.In).Select(l => l.Text));
        Assert.Equal(after, transcript.Count(l => l.Direction == TranscriptDirection.Out));
    }

    private async Task<HttpStatusCode> PostAsync(string type, System.Text.Json.Nodes.JsonObject data, string? token)
    {
        using var form = new FormUrlEncodedContent(FakeEvents.ToForm(type, data, _fake.BotId, token));
        using var response = await _http.PostAsync(_program.EventUri, form);
        return response.StatusCode;
    }
}
