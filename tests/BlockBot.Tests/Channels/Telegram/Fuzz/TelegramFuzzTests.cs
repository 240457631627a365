using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Receiving;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace BlockBot.Tests.Channels.Telegram.Fuzz;

/// <summary>
/// Thousands of seeded hostile updates (<see cref="HostileUpdates"/>) through the webhook and through polling, with
/// legitimate customers in between: no answer of 500 or more, the bot still serving, every customer answered as
/// one is without the noise, and the managed heap after a full collection back within 50 MB of where it was (the
/// working set is reported: it also holds the fake, the runtime's pooled buffers and SQLite's page caches).
/// Runs alone, so no other test is measured with it.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class TelegramFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_260_109;
    private const int NoisePerRun = 5_000;
    private const int Customers = 12;
    private const long FirstCustomer = 9_000_000_001;
    private const long BaselineCustomer = 9_000_000_000;
    private const string Secret = "fuzz_Secret-1";
    private const int WebhookMaxUpdateBytes = 1024 * 1024;

    // Polled updates over the limit are read (a getUpdates answer holds them) before they are quarantined; with
    // megabyte ones the buffers kept in the runtime's shared array pool would be measured as growth, not the bot.
    private const int PollingMaxUpdateBytes = 64 * 1024;
    private const long MemoryAllowance = 50L * 1024 * 1024;

    /// <summary>What each customer says: the menu, then "1" typed for its first choice.</summary>
    private static readonly string[] Script = ["/start", "1"];

    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Hostile_webhook_calls_get_no_5xx_and_leave_customers_and_memory_as_they_were()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Settings(WebhookMaxUpdateBytes, new Dictionary<string, string?>
        {
            ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
            ["BlockBot:Telegram:Mode"] = "Webhook",
            ["BlockBot:Telegram:WebhookUrl"] = "https://127.0.0.1:8443/telegram/hook",
            ["BlockBot:Telegram:WebhookSecret"] = Secret,
        }));
        using var http = new HttpClient { BaseAddress = new Uri(bot.HttpUrl) };
        var noise = new HostileUpdates(Seed, WebhookMaxUpdateBytes);
        var nextId = 1L;
        var statuses = new Dictionary<int, int>();

        async Task PostAsync(byte[] body, bool chunked)
        {
            using var content = chunked ? (HttpContent)new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/hook") { Content = content };
            request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, Secret);
            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
        }

        Task SayAsync(long customer, string text)
        {
            var update = Updates.Text(customer, customer, text);
            update["update_id"] = nextId++;
            return PostAsync(System.Text.Encoding.UTF8.GetBytes(update.ToJsonString()), chunked: false);
        }

        var result = await RunAsync(fake, bot, SayAsync, () =>
        {
            var (body, chunked) = noise.ForWebhook(nextId++);
            return PostAsync(body, chunked);
        });

        output.WriteLine($"Webhook answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.DoesNotContain(statuses.Keys, s => s >= 500);
        Assert.Equal(NoisePerRun + (Customers + 2) * Script.Length, statuses.Values.Sum());
        Assert.Contains(413, statuses.Keys);
        Assert.Contains(400, statuses.Keys);
        result.Check(output);
    }

    [Fact]
    public async Task Hostile_polled_updates_never_stall_polling_and_leave_customers_and_memory_as_they_were()
    {
        await using var fake = await FakeBotApi.StartAsync();
        await using var bot = await TelegramBot.StartAsync(fake, _database, Settings(PollingMaxUpdateBytes, new Dictionary<string, string?>()));
        var noise = new HostileUpdates(Seed + 1, PollingMaxUpdateBytes);

        var result = await RunAsync(
            fake,
            bot,
            (customer, text) =>
            {
                fake.Enqueue(Updates.Text(customer, customer, text));
                return Task.CompletedTask;
            },
            () =>
            {
                fake.EnqueueRaw(noise.ForPolling);
                return Task.CompletedTask;
            });

        // Polling confirms a batch once its turns are saved (ADR 0029), which may be a moment after their replies went.
        await fake.WaitUntilAsync(f => f.ConfirmedBelow > f.LastUpdateId, "polling to confirm every update", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(fake.Calls, c => c.Method == "getUpdates" && c.Status != 200);
        result.Check(output);
    }

    public void Dispose() => _database.Dispose();

    private static Dictionary<string, string?> Settings(int maxUpdateBytes, Dictionary<string, string?> mode)
    {
        // The run is about input, not rates: Telegram's limits would only make it long.
        mode["BlockBot:Telegram:MessagesPerSecond"] = "10000";
        mode["BlockBot:Telegram:ChatMessagesPerSecond"] = "1000";
        mode["BlockBot:Telegram:GroupMessagesPerMinute"] = "60000";
        mode["BlockBot:Telegram:MaxUpdateBytes"] = maxUpdateBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Thousands of quarantine warnings are expected here.
        mode["Logging:LogLevel:Default"] = "Error";
        return mode;
    }

    /// <summary>
    /// A customer without noise first (the baseline), then the noise with the customers' messages at seeded places
    /// in it, then one customer more; returns what there is to check once everything is handled and sent.
    /// </summary>
    private async Task<FuzzResult> RunAsync(FakeBotApi fake, TelegramBot bot, Func<long, string, Task> say, Func<Task> noise)
    {
        var expectedPerCustomer = await BaselineAsync(fake, bot, say);
        var before = Memory.Measure();
        using var meter = new MeterRecorder(bot.Services.GetRequiredService<BlockBotMetrics>().Meter);
        var watch = Stopwatch.StartNew();

        var places = new Random(Seed);
        var plan = Enumerable.Range(0, Customers)
            .SelectMany(c => Script.Select((text, step) => (At: places.Next(NoisePerRun) + step, Customer: FirstCustomer + c, Step: step, Text: text)))
            .ToLookup(p => p.At);
        var spoken = new Dictionary<long, int>();
        for (var i = 0; i < NoisePerRun; i++)
        {
            // A customer's second message comes after the first even when their seeded places say otherwise.
            foreach (var turn in plan[i].OrderBy(t => t.Step))
            {
                var step = spoken.GetValueOrDefault(turn.Customer);
                await say(turn.Customer, Script[step]);
                spoken[turn.Customer] = step + 1;
            }

            await noise();
        }

        foreach (var (customer, step) in Enumerable.Range(0, Customers).Select(c => (FirstCustomer + c, 0)))
        {
            for (var left = spoken.GetValueOrDefault(customer); left < Script.Length; left++)
            {
                await say(customer, Script[left]);
            }
        }

        // The bot still serves after the noise: a customer who comes now is answered too.
        var last = FirstCustomer + Customers;
        foreach (var text in Script)
        {
            await say(last, text);
        }

        var customers = Enumerable.Range(0, Customers + 1).Select(c => FirstCustomer + c).ToList();
        await fake.WaitUntilAsync(f => customers.All(c => f.SentTo(c).Count >= expectedPerCustomer.Count), "every customer to be answered", TimeSpan.FromSeconds(120));
        await WaitUntilDrainedAsync();
        var took = watch.Elapsed;
        var after = Memory.Measure();

        using var connection = _database.OpenConnection();
        var quarantined = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM telegram_quarantine");
        var counted = meter.Recorded.Where(m => m.Instrument == TelegramQuarantine.MetricName).Sum(m => m.Value);
        return new FuzzResult(
            expectedPerCustomer,
            customers.ToDictionary(c => c, c => fake.SentTo(c).Select(Shown).ToList()),
            quarantined,
            counted,
            before,
            after,
            took);
    }

    private async Task<IReadOnlyList<string>> BaselineAsync(FakeBotApi fake, TelegramBot bot, Func<long, string, Task> say)
    {
        var chat = new ChatReader(fake, bot, BaselineCustomer);
        foreach (var text in Script)
        {
            await say(BaselineCustomer, text);
        }

        await chat.NextAsync("menu", "greet");
        await chat.NextAsync("menu", "choose");
        await chat.NextAsync("blocked", "intro");
        await chat.NextAsync("blocked", "rule");
        await chat.NextAsync("blocked", "ask_line");
        await WaitUntilDrainedAsync();
        return fake.SentTo(BaselineCustomer).Select(Shown).ToList();
    }

    private async Task WaitUntilDrainedAsync()
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using (var connection = _database.OpenConnection())
            {
                var waiting = await connection.ExecuteScalarAsync<long>(
                    "SELECT (SELECT COUNT(*) FROM telegram_update WHERE state = 'received') + (SELECT COUNT(*) FROM telegram_outbox)");
                if (waiting == 0)
                {
                    return;
                }
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(120), "Timed out waiting for every update to be handled and every reply sent.");
            await Task.Delay(50);
        }
    }

    private static string Shown(SentMessage message) => $"{message.Text} [{string.Join("|", message.Buttons)}]";

    private sealed record FuzzResult(
        IReadOnlyList<string> Expected,
        IReadOnlyDictionary<long, List<string>> Answered,
        long Quarantined,
        double Counted,
        Memory Before,
        Memory After,
        TimeSpan Took)
    {
        public void Check(ITestOutputHelper output)
        {
            output.WriteLine($"Seeded noise: {NoisePerRun} updates in {Took.TotalSeconds:F1} s; {Quarantined} quarantined.");
            output.WriteLine($"Managed heap after a full GC: {Before.Heap / 1e6:F1} MB before, {After.Heap / 1e6:F1} MB after; working set {Before.WorkingSet / 1e6:F1} MB before, {After.WorkingSet / 1e6:F1} MB after.");
            Assert.All(Answered, customer => Assert.Equal(Expected, customer.Value));
            Assert.True(Quarantined > 0, "No update was quarantined: the noise is not hostile enough to test anything.");
            Assert.Equal(Quarantined, Counted);
            Assert.True(After.Heap - Before.Heap < MemoryAllowance, $"The managed heap grew by {(After.Heap - Before.Heap) / 1e6:F1} MB.");
        }
    }

    private sealed record Memory(long Heap, long WorkingSet)
    {
        public static Memory Measure()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            using var process = Process.GetCurrentProcess();
            return new Memory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64);
        }
    }
}
