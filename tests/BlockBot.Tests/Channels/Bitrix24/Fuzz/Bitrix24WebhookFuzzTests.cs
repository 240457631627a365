using System.Collections.Concurrent;
using System.Net;
using BlockBot.Tests.Channels.Bitrix24.Fake;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Bitrix24.Fuzz;

/// <summary>
/// 5,000 generated hostile and broken event bodies (<see cref="Bitrix24NoiseGenerator"/>, one fixed seed) through the
/// real program's webhook, while real customers walk the start of the procedure: no answer is a 5xx, the program
/// still serves, and each customer is answered exactly as a customer who walked the same steps in quiet. The portal
/// refuses the bot's messages in some of the noise's chats.
/// </summary>
public sealed class Bitrix24WebhookFuzzTests : IAsyncLifetime, IDisposable
{
    private const int Seed = 9_24_5000;
    private const int Bodies = 5_000;
    private const int Customers = 8;

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
    public async Task Generated_bodies_never_get_a_5xx_and_customers_meanwhile_are_answered_as_in_quiet()
    {
        var quiet = await WalkAsync(chat: 3000);
        var chats = Enumerable.Range(1, Customers).Select(i => 3000L + i).ToList();
        var noise = new Bitrix24NoiseGenerator(Seed, _fake.BotId, Bitrix24BotProgram.ApplicationToken, chats).Generate(Bodies);
        for (var chat = Bitrix24NoiseGenerator.NoiseChats; chat < Bitrix24NoiseGenerator.NoiseChats + 20; chat++)
        {
            _fake.RefuseWritesTo("chat" + chat);
        }

        var logsBefore = _logs.Entries.Count;

        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        var noisy = Parallel.ForEachAsync(noise, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (body, cancellationToken) =>
        {
            var status = await SendAsync(body, cancellationToken);
            statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if ((int)status >= 500)
            {
                failures.Enqueue($"{body} got {(int)status}");
            }
        });
        var walks = Task.WhenAll(chats.Select(async chat =>
        {
            // Start while the noise is under way, each customer a little later than the one before.
            await Task.Yield();
            return await WalkAsync(chat);
        }));
        await noisy;
        var transcripts = await walks;

        Assert.True(failures.IsEmpty, $"Seed {Seed}: {failures.Count} bodies got a 5xx, e.g.{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        Assert.All(transcripts, transcript => Assert.Equal(quiet, transcript));
        using var live = await _http.GetAsync(new Uri(_program.EventUri, "/health/live"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(quiet, await WalkAsync(chat: 3999));

        var entries = _logs.Entries.Skip(logsBefore).ToList();
        Assert.True(entries.Count <= Bodies + (Customers * 10), $"{entries.Count} log entries for {Bodies} bodies");
        var traced = entries.FirstOrDefault(e => e.Contains("   at ", StringComparison.Ordinal));
        Assert.True(traced is null, $"A log entry carries a stack trace:{Environment.NewLine}{traced}");
        Assert.True(statuses.Keys.Count > 3, "the noise should meet several kinds of answer: " + string.Join(", ", statuses));
    }

    /// <summary>The start of the procedure in one open-line chat: join, "blocked", a line name, help. Returns what the bot said.</summary>
    private async Task<IReadOnlyList<string>> WalkAsync(long chat)
    {
        var customer = chat + 1;
        await PostAsync(FakeEvents.JoinChat, FakeEvents.Join(chat, customer));
        await PostAsync(FakeEvents.CommandAdd, FakeEvents.KeyboardPress(chat, customer, "choice", "blocked"));
        await PostAsync(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(chat, customer, "Sales"));
        await PostAsync(FakeEvents.MessageAdd, FakeEvents.CustomerMessage(chat, customer, "/help"));
        return _fake.SentTo("chat" + chat).Select(m => m.Text).ToList();
    }

    private async Task PostAsync(string type, System.Text.Json.Nodes.JsonObject data)
    {
        using var form = new FormUrlEncodedContent(FakeEvents.ToForm(type, data, _fake.BotId, Bitrix24BotProgram.ApplicationToken));
        using var response = await _http.PostAsync(_program.EventUri, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpStatusCode> SendAsync(Bitrix24NoiseBody body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(body.Method), _program.EventUri) { Content = new ByteArrayContent(body.Body) };
        request.Content.Headers.ContentType = null;
        if (body.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        }

        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException) when (body.Body.Length > BlockBot.Channels.Bitrix24.Webhook.Bitrix24WebhookEndpoint.MaxEventBytes)
        {
            // The server may answer 413 and close before an oversized body is all sent; that is a refusal, not a failure.
            return HttpStatusCode.RequestEntityTooLarge;
        }
    }
}
