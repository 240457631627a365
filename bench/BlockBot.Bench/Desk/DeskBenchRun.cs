using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using BlockBot.Bench.Reminders;
using BlockBot.Bench.TelegramPeer;
using BlockBot.Desk;
using BlockBot.Desk.Accounts;
using BlockBot.Support.Staff;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Bench.Desk;

/// <summary>
/// The staff desk at scale: the product's host (Telegram against a do-nothing Bot API, the desk on 127.0.0.1) over a
/// database filled by <see cref="DeskBenchData"/>; a lead signs in over HTTP (the sign-in form with its antiforgery
/// token, cookies kept) and each page is requested in turn, timed as the round trip on loopback; then tickets are taken
/// through <see cref="StaffDesk"/> while the queue's event stream is open, timed to the event's arrival. Prints p50/p95
/// against the targets (a page ≤ 200 ms p95, a ticket event ≤ 1 s p95) and last one JSON object.
/// </summary>
public static partial class DeskBenchRun
{
    public static readonly TimeSpan PageTarget = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan EventTarget = TimeSpan.FromSeconds(1);
    private const string LeadName = "Lead";
    private const int WarmUp = 3;

    public static async Task<int> ExecuteAsync(DeskBenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        using var database = BenchDatabase.Create(BenchOptions.Default with { DatabasePath = options.DatabasePath, PostgresAdmin = options.PostgresAdmin });
        await using var fake = await LimitedBotApi.StartAsync(30, cancellationToken);
        var dialogs = Path.Combine(RepositoryRoot.Find(), "bench", "reminder-dialogs");
        using var host = TelegramBenchHost.Build(fake.Url, database, dialogs, TelegramLimits.Product, new Dictionary<string, string>
        {
            ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
            // The bench's customers have no conversation: telling them a ticket was taken is dropped, as expected.
            ["Logging:LogLevel:BlockBot.Support.Events"] = "Error",
            ["Logging:LogLevel:BlockBot.Conversation.Proactive"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        });
        await host.StartAsync(cancellationToken);
        var services = host.Services;
        var url = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var fill = Stopwatch.StartNew();
        await DeskBenchData.FillAsync(database, options, DateTimeOffset.UtcNow, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"desk: {options.Tickets} tickets, {options.Lines} lines, {options.TranscriptLines} transcript lines written in {fill.Elapsed.TotalSeconds:0.0} s; {database.Description}; desk at {url}"));

        var password = await AddLeadAsync(services, cancellationToken);
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        await SignInAsync(http, password, cancellationToken);

        var pages = new (string Name, Func<int, string> Path)[]
        {
            ("queue", _ => "/desk"),
            ("ticket", i => "/desk/tickets/" + (1 + (i * 97 % options.Tickets)).ToString(CultureInfo.InvariantCulture)),
            ("queue_p3", _ => "/desk?p=3"),
            ("lines", _ => "/desk/lines"),
            ("lines_find", i => "/desk/lines?q=" + Uri.EscapeDataString("line " + (1 + (i * 37 % options.Lines)).ToString("0000", CultureInfo.InvariantCulture))),
            ("dashboard", _ => "/desk/dashboard"),
        };
        var result = new Dictionary<string, object>
        {
            ["bench"] = "desk",
            ["provider"] = database.Provider,
            ["tickets"] = options.Tickets,
            ["lines"] = options.Lines,
            ["transcript_lines"] = options.TranscriptLines,
        };
        var met = true;
        foreach (var (name, path) in pages)
        {
            var times = await TimePageAsync(http, path, options.Requests, cancellationToken);
            var (p50, p95) = (Percentile(times, 0.5), Percentile(times, 0.95));
            met &= p95 <= PageTarget;
            result[name + "_p50_ms"] = Milliseconds(p50);
            result[name + "_p95_ms"] = Milliseconds(p95);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-11} p50 {Milliseconds(p50),7:0.0} ms, p95 {Milliseconds(p95),7:0.0} ms over {options.Requests} requests{Verdict(p95, PageTarget)}"));
        }

        var events = await TimeEventsAsync(http, services.GetRequiredService<StaffDesk>(), options.Changes, cancellationToken);
        var (e50, e95) = (Percentile(events, 0.5), Percentile(events, 0.95));
        met &= e95 <= EventTarget;
        result["event_p50_ms"] = Milliseconds(e50);
        result["event_p95_ms"] = Milliseconds(e95);
        result["targets_met"] = met;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  ticket taken → event on the open queue's stream: p50 {Milliseconds(e50):0.0} ms, p95 {Milliseconds(e95):0.0} ms over {options.Changes} changes{Verdict(e95, EventTarget)}"));
        await output.WriteLineAsync(JsonSerializer.Serialize(result));
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task<string> AddLeadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var command = new StaffAccountCommand(services.GetRequiredService<IStaffAccountStore>(), new StaffPasswords(), TimeProvider.System);
        using var printed = new StringWriter();
        if (await command.RunAsync(["staff", "add", LeadName, "--role", "lead"], printed, Console.Error, cancellationToken) != 0)
        {
            throw new InvalidOperationException("Adding the lead account failed.");
        }

        return printed.ToString().Trim().Split(' ')[^1];
    }

    private static async Task SignInAsync(HttpClient http, string password, CancellationToken cancellationToken)
    {
        var form = await http.GetStringAsync("/desk/signin", cancellationToken);
        var token = TokenField().Match(form) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var signedIn = await http.PostAsync("/desk/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Name"] = LeadName,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }), cancellationToken);
        if (signedIn.StatusCode != HttpStatusCode.Redirect || signedIn.Headers.Location?.OriginalString.Contains("signin", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in failed: {(int)signedIn.StatusCode} {signedIn.Headers.Location}");
        }
    }

    private static async Task<List<TimeSpan>> TimePageAsync(HttpClient http, Func<int, string> path, int requests, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(requests);
        for (var i = -WarmUp; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path(Math.Max(0, i)), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var took = Stopwatch.GetElapsedTime(started);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path(i)} answered {(int)response.StatusCode} ({body.Length} characters).");
            }

            if (i >= 0)
            {
                times.Add(took);
            }
        }

        return times;
    }

    /// <summary>Takes open tickets one by one, each after the stream has been quiet a moment, timed from the call to the event.</summary>
    private static async Task<List<TimeSpan>> TimeEventsAsync(HttpClient http, StaffDesk desk, int changes, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var response = await http.GetAsync(DeskEndpoints.ChangesPath, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        var arrivals = Channel.CreateUnbounded<long>();
        var reading = ReadEventsAsync(await response.Content.ReadAsStreamAsync(stop.Token), arrivals.Writer, stop.Token);
        var lead = new StaffMember("bench-lead", LeadName);
        var times = new List<TimeSpan>(changes);
        try
        {
            for (var i = 1; i <= changes; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(700), cancellationToken);
                while (arrivals.Reader.TryRead(out _))
                {
                    // An event from before this change (the watcher's first read) is not this change's.
                }

                var started = Stopwatch.GetTimestamp();
                var taken = await desk.TakeAsync(i * 10L, lead, cancellationToken);
                if (!taken.Succeeded)
                {
                    throw new InvalidOperationException($"Taking ticket {i * 10} failed: {taken.Message}");
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(TimeSpan.FromSeconds(30));
                var arrived = await arrivals.Reader.ReadAsync(wait.Token);
                times.Add(Stopwatch.GetElapsedTime(started, arrived));
            }
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or HttpRequestException)
            {
                // The stream ends with the bench.
            }
        }

        return times;
    }

    private static async Task ReadEventsAsync(Stream stream, ChannelWriter<long> arrivals, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                arrivals.TryWrite(Stopwatch.GetTimestamp());
            }
        }
    }

    private static TimeSpan Percentile(List<TimeSpan> values, double share)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero : sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 1);

    private static string Verdict(TimeSpan p95, TimeSpan target) =>
        p95 <= target ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" — misses the target of {target.TotalMilliseconds:0} ms");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
