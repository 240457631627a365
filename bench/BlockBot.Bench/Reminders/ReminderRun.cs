using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BlockBot.Bench.TelegramPeer;
using BlockBot.Channels.Telegram;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Receiving;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Support.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot.Bench.Reminders;

/// <summary>
/// N reminders due at one moment, delivered through the Telegram channel to a fake Bot API that keeps Telegram's
/// overall limit. The product's host runs with its own send limits (<see cref="TelegramLimits.Product"/>). Each
/// customer writes once, through the channel's intake as polling takes updates in, which brings the conversation to a
/// silent wait for the reminder (bench/reminder-dialogs); then the product's <see cref="ReminderScheduler"/> schedules
/// one reminder per customer — the same Quartz job and trigger schedule_reminder makes — with its clock fixed so that
/// every one is due at the same moment. Prints the sustained rate, the 429s, lost and doubled reminders and the time
/// to deliver all, and last one JSON object.
/// </summary>
public static class ReminderRun
{
    public const string ReminderText = "Reminder: it is time to check on your case.";
    private const long FirstChat = 200_000;

    public static async Task<int> ExecuteAsync(ReminderOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var database = BenchDatabase.Create(BenchOptions.Default);
        await using var fake = await LimitedBotApi.StartAsync(options.FakeLimit, cancellationToken);
        var limits = TelegramLimits.Product;
        var dialogs = Path.Combine(RepositoryRoot.Find(), "bench", "reminder-dialogs");
        using var host = TelegramBenchHost.Build(fake.Url, database, dialogs, limits);
        await host.StartAsync(cancellationToken);
        var services = host.Services;
        await output.WriteLineAsync(
            $"reminders: {options.Count} customers; the fake Bot API accepts {options.FakeLimit} messages in any 1 s, 429 with retry_after beyond; " +
            $"BlockBot's limiter (the product's defaults) {limits}; {database.Description}");

        var setup = Stopwatch.StartNew();
        var lastUpdate = await WriteOnceEachAsync(services.GetRequiredService<TelegramUpdateIntake>(), options.Count, cancellationToken);
        var store = services.GetRequiredService<ITelegramStore>();
        while (!await store.HandledThroughAsync(lastUpdate, cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        if (fake.Accepted.Count > 0)
        {
            throw new InvalidOperationException($"The customers' first messages were answered ({fake.Accepted.First().Text}); the wait must be silent.");
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {options.Count} customers waiting for their reminder after {setup.Elapsed.TotalSeconds:0.0} s"));

        var (due, dueAt, scheduling) = await ScheduleAsync(services, options, cancellationToken);
        var overran = Stopwatch.GetTimestamp() > dueAt
            ? string.Create(CultureInfo.InvariantCulture, $" — scheduling overran that moment by {Stopwatch.GetElapsedTime(dueAt).TotalSeconds:0.0} s")
            : string.Empty;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {options.Count} reminders scheduled by ReminderScheduler in {scheduling.TotalSeconds:0.0} s, all due at {due:HH:mm:ss.fff} UTC{overran}"));

        await WaitForDeliveriesAsync(fake, options, dueAt, cancellationToken);
        var throttled = services.GetRequiredService<TelegramSendLimiter>().Throttled;
        await host.StopAsync(CancellationToken.None);

        var result = Figures(fake, options, dueAt, throttled);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  delivered {result["delivered"]} of {options.Count}: lost {result["lost"]}, twice {result["twice"]}; 429 answers {result["http_429"]} " +
            $"({result["http_429_after_first"]} after the first); sustained {result["sustained_msg_per_s"]} msg/s = {result["share_of_limit"]:P1} of {options.FakeLimit}/s; " +
            $"first {result["first_after_due_s"]} s after due, all delivered {result["all_delivered_after_due_s"]} s after due " +
            $"(the limit allows {result["ideal_s"]} s)"));
        await output.WriteLineAsync(JsonSerializer.Serialize(result));
        return (long)result["lost"] == 0 && (long)result["twice"] == 0 ? 0 : 1;
    }

    /// <summary>One message from each customer, handed to the channel's intake in batches of 100 as getUpdates would.</summary>
    /// <returns>The last update id.</returns>
    private static async Task<long> WriteOnceEachAsync(TelegramUpdateIntake intake, int count, CancellationToken cancellationToken)
    {
        var date = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long updateId = 0;
        for (var start = 0; start < count; start += 100)
        {
            var batch = new List<JsonElement>(100);
            for (var i = start; i < Math.Min(count, start + 100); i++)
            {
                var chat = FirstChat + i;
                updateId++;
                var json = string.Create(CultureInfo.InvariantCulture,
                    $$$"""{"update_id":{{{updateId}}},"message":{"message_id":{{{updateId}}},"from":{"id":{{{chat}}},"is_bot":false,"first_name":"Customer","language_code":"en"},"chat":{"id":{{{chat}}},"type":"private","first_name":"Customer"},"date":{{{date}}},"text":"remind me"}}""");
                using var document = JsonDocument.Parse(json);
                batch.Add(document.RootElement.Clone());
            }

            await intake.TakeAsync(batch, cancellationToken);
        }

        return updateId;
    }

    /// <returns>The due moment, as a time and as a <see cref="Stopwatch"/> timestamp, and how long scheduling took.</returns>
    private static async Task<(DateTimeOffset Due, long DueAt, TimeSpan Took)> ScheduleAsync(
        IServiceProvider services, ReminderOptions options, CancellationToken cancellationToken)
    {
        var period = services.GetRequiredService<IOptions<PeriodsOptions>>().Value.AppealFollowUp;
        var now = DateTimeOffset.UtcNow;
        var due = now + options.DueIn;
        var dueAt = Stopwatch.GetTimestamp() + (long)(options.DueIn.TotalSeconds * Stopwatch.Frequency);
        var reminders = ActivatorUtilities.CreateInstance<ReminderScheduler>(services, new FixedTime(due - period));
        var took = Stopwatch.StartNew();
        for (var i = 0; i < options.Count; i++)
        {
            var customer = new CustomerId(TelegramAdapter.Channel, (FirstChat + i).ToString(CultureInfo.InvariantCulture));
            var at = await reminders.ScheduleAsync(i + 1, customer, EventNames.AppealFollowUp, cancellationToken);
            if (at != due)
            {
                throw new InvalidOperationException($"Reminder {i + 1} is due at {at}, not at {due}.");
            }
        }

        return (due, dueAt, took.Elapsed);
    }

    /// <summary>Until every customer has a reminder (or the wait limit), then a few seconds more, so a second copy is seen.</summary>
    private static async Task WaitForDeliveriesAsync(LimitedBotApi fake, ReminderOptions options, long dueAt, CancellationToken cancellationToken)
    {
        while (fake.Accepted.Where(m => m.Text == ReminderText).Select(m => m.ChatId).Distinct().Count() < options.Count
               && (Stopwatch.GetTimestamp() < dueAt || Stopwatch.GetElapsedTime(dueAt) < options.WaitLimit))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
    }

    private static Dictionary<string, object> Figures(LimitedBotApi fake, ReminderOptions options, long dueAt, long throttled)
    {
        var reminders = fake.Accepted.Where(m => m.Text == ReminderText && m.ChatId >= FirstChat && m.ChatId < FirstChat + options.Count).ToList();
        var perChat = reminders.GroupBy(m => m.ChatId).ToList();
        var first = reminders.Count > 0 ? reminders.Min(m => m.At) : dueAt;
        var last = reminders.Count > 0 ? reminders.Max(m => m.At) : dueAt;
        var span = Stopwatch.GetElapsedTime(first, last).TotalSeconds;
        var sustained = reminders.Count > 1 && span > 0 ? (reminders.Count - 1) / span : 0;
        var refused = fake.Refused.Order().ToList();
        double Seconds(long from, long to) => Math.Round(Stopwatch.GetElapsedTime(from, to).TotalSeconds * (to >= from ? 1 : -1), 2);
        return new Dictionary<string, object>
        {
            ["bench"] = "reminders-telegram",
            ["count"] = options.Count,
            ["fake_limit_msg_per_s"] = options.FakeLimit,
            ["limiter"] = TelegramLimits.Product.ToString(),
            ["delivered"] = (long)perChat.Count,
            ["lost"] = (long)(options.Count - perChat.Count),
            ["twice"] = (long)perChat.Count(g => g.Count() > 1),
            ["other_messages"] = fake.Accepted.Count - reminders.Count,
            ["http_429"] = refused.Count,
            ["http_429_after_first"] = Math.Max(0, refused.Count - 1),
            ["last_429_after_due_s"] = refused.Count > 0 ? Seconds(dueAt, refused[^1]) : 0,
            ["limiter_throttled"] = throttled,
            ["sustained_msg_per_s"] = Math.Round(sustained, 2),
            ["share_of_limit"] = Math.Round(sustained / options.FakeLimit, 4),
            ["first_after_due_s"] = Seconds(dueAt, first),
            ["all_delivered_after_due_s"] = Seconds(dueAt, last),
            ["ideal_s"] = Math.Round((double)options.Count / options.FakeLimit, 1),
            ["per_5s_after_due"] = reminders.GroupBy(m => (int)Math.Floor(Seconds(dueAt, m.At) / 5)).OrderBy(g => g.Key).Select(g => g.Count()).ToList(),
            ["api_calls"] = fake.Calls.ToDictionary(c => c.Key, c => c.Value),
        };
    }
}
