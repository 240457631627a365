using System.Net;
using System.Net.WebSockets;
using BlockBot.Channels.WebChat;
using BlockBot.Channels.WebChat.Tokens;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static BlockBot.Tests.Channels.WebChat.DirectLineTestClient;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>Direct Line 3.0 as the bot serves it, over real HTTP and WebSockets on 127.0.0.1, on the configured provider.</summary>
public sealed class DirectLineProtocolTests : IAsyncLifetime, IDisposable
{
    private readonly TempDatabase _database = new();
    private WebChatBotProgram _program = null!;

    public async Task InitializeAsync() => _program = await WebChatBotProgram.StartAsync(WebChatBotProgram.Settings(_database));

    public async Task DisposeAsync() => await _program.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_wrong_or_missing_site_secret_gets_no_token()
    {
        using var client = _program.Client();

        var wrong = await client.SendAsync(HttpMethod.Post, "tokens/generate", WebChatBotProgram.Secret + "x");
        var missing = await client.SendAsync(HttpMethod.Post, "tokens/generate", bearer: null);
        var right = await client.SendAsync(HttpMethod.Post, "tokens/generate", WebChatBotProgram.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.DoesNotContain("token", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_opens_its_own_conversation_only_and_an_expired_one_none()
    {
        using var alice = _program.Client();
        using var bob = _program.Client();
        await alice.StartAsync(WebChatBotProgram.Secret);
        await bob.StartAsync(WebChatBotProgram.Secret);
        await alice.SayAsync("my secret line is Sales");

        // Bob's token on Alice's conversation: every call refused, nothing of hers in the answer.
        var paths = new[] { $"conversations/{alice.ConversationId}/activities", $"conversations/{alice.ConversationId}?watermark=" };
        foreach (var path in paths)
        {
            var refused = await bob.SendAsync(HttpMethod.Get, path, bob.Token);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.DoesNotContain("Sales", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var posted = await bob.SendAsync(HttpMethod.Post, $"conversations/{alice.ConversationId}/activities", bob.Token, new { type = "message", text = "hi" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        var bobsStream = await bob.StreamUrlAsync(null);
        var crossed = bobsStream.Replace(bob.ConversationId!, alice.ConversationId!, StringComparison.Ordinal);
        var crossedSocket = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => crossedSocket.ConnectAsync(new Uri(crossed), CancellationToken.None));

        // A token signed with the site's secret but past its time: refused, and it cannot be refreshed either.
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow - TimeSpan.FromHours(3));
        var issuer = new WebChatTokens(Options.Create(new WebChatOptions { Secrets = [WebChatBotProgram.Secret] }), past);
        var expired = issuer.Issue(alice.ConversationId!);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.SendAsync(HttpMethod.Get, $"conversations/{alice.ConversationId}/activities", expired)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.SendAsync(HttpMethod.Post, "tokens/refresh", expired)).StatusCode);

        // A forged one (another key) too; the real one still works and refreshes to the same conversation.
        var forged = new WebChatTokens(Options.Create(new WebChatOptions { Secrets = [new string('z', 40)] }), TimeProvider.System).Issue(alice.ConversationId!);
        Assert.Equal(HttpStatusCode.Forbidden, (await alice.SendAsync(HttpMethod.Get, $"conversations/{alice.ConversationId}/activities", forged)).StatusCode);
        var refreshed = await ReadAsync(await alice.SendAsync(HttpMethod.Post, "tokens/refresh", alice.Token));
        Assert.Equal(alice.ConversationId, (string)refreshed["conversationId"]!);
        Assert.Equal(HttpStatusCode.OK, (await alice.SendAsync(HttpMethod.Get, $"conversations/{alice.ConversationId}/activities", (string)refreshed["token"]!)).StatusCode);
    }

    [Fact]
    public async Task A_watermark_returns_exactly_the_activities_after_it()
    {
        using var client = _program.Client();
        await client.StartAsync(WebChatBotProgram.Secret);
        var (greeting, afterGreeting) = await client.GetActivitiesAsync();
        Assert.Contains(greeting, a => FromBot(a!.AsObject()) && Text(a.AsObject()).StartsWith("Hello! I'm BlockBot", StringComparison.Ordinal));
        Assert.Equal(greeting.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), afterGreeting);

        var sent = await client.SayAsync("blocked", "client-1");
        var (all, end) = await client.GetActivitiesAsync("0");
        var (after, sameEnd) = await client.GetActivitiesAsync(afterGreeting);
        var (none, stillEnd) = await client.GetActivitiesAsync(end);

        Assert.Equal(all.Select(a => (string)a!["id"]!).Skip(greeting.Count), after.Select(a => (string)a!["id"]!));
        var echo = after[0]!.AsObject();
        Assert.Equal(sent, (string)echo["id"]!);
        Assert.Equal("blocked", Text(echo));
        Assert.Equal("client-1", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal(client.ConversationId, (string)echo["from"]!["id"]!);
        Assert.Contains(after.Skip(1), a => Text(a!.AsObject()).StartsWith("What is the name of the Bitrix24 open line", StringComparison.Ordinal));
        Assert.Equal(end, sameEnd);
        Assert.Empty(none);
        Assert.Equal(end, stillEnd);
    }

    [Fact]
    public async Task Forget_erases_what_the_conversation_said_and_the_numbering_goes_on()
    {
        using var client = _program.Client();
        await client.StartAsync(WebChatBotProgram.Secret);
        await client.SayAsync("blocked");
        await client.SayAsync("Sales line 42");
        var (before, end) = await client.GetActivitiesAsync("0");
        Assert.Contains(before, a => Text(a!.AsObject()) == "Sales line 42");

        await client.SayAsync("/forget");
        await client.SayAsync("yes");
        var (kept, _) = await client.GetActivitiesAsync("0");
        var (sinceEnd, _) = await client.GetActivitiesAsync(end);

        Assert.DoesNotContain(kept, a => Text(a!.AsObject()).Contains("Sales", StringComparison.Ordinal));
        Assert.Contains(kept, a => FromBot(a!.AsObject()) && Text(a.AsObject()) == "Done, everything is erased.");
        // Nothing is left from before the erasure, and what came after is numbered after it: no watermark is reused.
        Assert.Equal(kept.Select(a => (string)a!["id"]!), sinceEnd.Select(a => (string)a!["id"]!));
    }

    [Fact]
    public async Task A_stream_reconnected_from_its_watermark_loses_nothing_and_repeats_nothing()
    {
        using var client = _program.Client();
        var started = await client.StartAsync(WebChatBotProgram.Secret);
        var received = new List<string>();

        string watermark;
        using (var first = await ConnectAsync((string)started["streamUrl"]!))
        {
            var (activities, mark) = await ReceiveAsync(first);
            received.AddRange(activities.Select(a => (string)a!["id"]!));
            watermark = mark;
            await first.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }

        // While the page is away the customer's other tab goes on: the bot's answers wait for the stream's return.
        await client.SayAsync("blocked");
        await client.SayAsync("Sales");

        using var second = await ConnectAsync(await client.StreamUrlAsync(watermark));
        var missed = await ReceiveUntilAsync(second, a => Text(a).StartsWith("Was the number on this line blocked before?", StringComparison.Ordinal));
        received.AddRange(missed.Select(a => (string)a["id"]!));
        await client.SayAsync("2");
        var live = await ReceiveUntilAsync(second, a => Text(a).StartsWith("Was a mailing sent", StringComparison.Ordinal));
        received.AddRange(live.Select(a => (string)a["id"]!));

        var (stored, _) = await client.GetActivitiesAsync();
        Assert.Equal(stored.Select(a => (string)a!["id"]!), received);
        Assert.Equal(received.Count, received.Distinct().Count());
    }

    [Fact]
    public async Task A_conversation_reaches_a_clearing_ticket_and_the_staff_done_reaches_its_open_stream()
    {
        using var client = _program.Client();
        var started = await client.StartAsync(WebChatBotProgram.Secret);
        using var stream = await ConnectAsync((string)started["streamUrl"]!);
        await ReceiveUntilAsync(stream, a => Text(a).StartsWith("Hello! I'm BlockBot", StringComparison.Ordinal));

        foreach (var (say, expected, buttons) in new[]
                 {
                     ("blocked", "What is the name of the Bitrix24 open line", false),
                     ("Sales", "Was the number on this line blocked before?", true),
                     ("2", "Was a mailing sent", true),
                     ("no", "Has WhatsApp already unblocked the number?", true),
                 })
        {
            await client.SayAsync(say);
            var replies = await ReceiveUntilAsync(stream, a => FromBot(a) && Text(a).StartsWith(expected, StringComparison.Ordinal));
            var asked = replies.Last(a => FromBot(a));
            // Web Chat's buttons: each sends the choice's value and shows its title as the customer's words.
            Assert.Equal(buttons, asked["suggestedActions"]?["actions"]?.AsArray()
                .All(b => (string?)b!["type"] == "messageBack" && b["text"] is not null && (string?)b["displayText"] == (string?)b["title"]) ?? false);
        }

        await client.SayAsync("unblocked");
        await WaitForAsync(() => _program.StaffTranscript.ToString().Contains("Ticket #1 · queue clearing", StringComparison.Ordinal), "the ticket card");
        Assert.Contains("Line: Sales", _program.StaffTranscript.ToString(), StringComparison.Ordinal);

        _program.Staff.Type("/staff take 1");
        await ReceiveUntilAsync(stream, a => FromBot(a) && Text(a).Contains("Console staff", StringComparison.Ordinal));
        _program.Staff.Type("/staff done 1");
        var told = await ReceiveUntilAsync(stream, a => FromBot(a) && Text(a).Contains("scan the QR code", StringComparison.Ordinal));
        Assert.Contains(told, a => Text(a).Contains("“Sales”", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_staff_decision_made_while_the_page_is_closed_is_there_when_it_opens_again()
    {
        using var client = _program.Client();
        await client.StartAsync(WebChatBotProgram.Secret);
        foreach (var say in new[] { "blocked", "Sales", "2", "no", "unblocked" })
        {
            await client.SayAsync(say);
        }

        await WaitForAsync(() => _program.StaffTranscript.ToString().Contains("Ticket #1 · queue clearing", StringComparison.Ordinal), "the ticket card");
        var (_, closedAt) = await client.GetActivitiesAsync();

        _program.Staff.Type("/staff done 1");
        using (var timeout = new CancellationTokenSource(Wait))
        {
            // Stored for the conversation while no page listens.
            while (!(await client.GetActivitiesAsync(closedAt)).Activities.Any(a => Text(a!.AsObject()).Contains("scan the QR code", StringComparison.Ordinal)))
            {
                await Task.Delay(50, timeout.Token);
            }
        }

        using var reopened = await ConnectAsync(await client.StreamUrlAsync(closedAt));
        var missed = await ReceiveUntilAsync(reopened, a => FromBot(a) && Text(a).Contains("scan the QR code", StringComparison.Ordinal));
        Assert.Contains(missed, a => Text(a).StartsWith("Support has confirmed: the message queue of line “Sales” is cleared.", StringComparison.Ordinal));
        Assert.DoesNotContain(missed, a => Text(a).StartsWith("Request #1 has gone to support", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_answered_politely_and_an_oversized_body_refused()
    {
        using var client = _program.Client();
        await client.StartAsync(WebChatBotProgram.Secret);

        await client.SayAsync(new string('a', 2500));
        var (activities, _) = await client.GetActivitiesAsync();
        Assert.Contains(activities, a => FromBot(a!.AsObject()) && Text(a.AsObject()) == "That message is too long. Please answer briefly, in up to 2000 characters.");

        var huge = await client.SendAsync(HttpMethod.Post, $"conversations/{client.ConversationId}/activities", client.Token, new { type = "message", text = new string('a', 100_000) });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
    }

    [Fact]
    public async Task Only_the_allowed_origins_may_call_the_api_from_a_page_and_frame_the_chat()
    {
        using var client = _program.Client();

        var allowed = await PreflightAsync(client, "https://help.example.com");
        var other = await PreflightAsync(client, "https://evil.example.net");
        var page = await client.Http.GetAsync(new Uri(_program.BaseAddress, "chat"));

        Assert.Equal("https://help.example.com", allowed.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal("frame-ancestors 'self' https://help.example.com", page.Headers.GetValues("Content-Security-Policy").Single());
    }

    private static Task<HttpResponseMessage> PreflightAsync(DirectLineTestClient client, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "conversations");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return client.Http.SendAsync(request);
    }

    private static async Task WaitForAsync(Func<bool> condition, string what)
    {
        using var timeout = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token).ContinueWith(t => t.IsCanceled ? throw new TimeoutException("Waited in vain for " + what) : t, TaskScheduler.Default);
        }
    }
}
