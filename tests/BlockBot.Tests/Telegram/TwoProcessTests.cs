using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Telegram.Fake;
using Xunit.Abstractions;

namespace BlockBot.Tests.Telegram;

/// <summary>
/// Two bot processes on one PostgreSQL database in webhook mode (ADR 0006): updates spread across both, one killed
/// midway and started again. Every update is answered, by one of them; what may repeat is only a send Telegram
/// accepted just before the kill whose outbox row was not yet deleted (ADR 0005): measured, one per chat at most.
/// </summary>
public sealed class TwoProcessTests(ITestOutputHelper output) : IDisposable
{
    private const int Chats = 100;
    private const int PerChat = 3;
    private const string Secret = "two-process-secret";

    private readonly TempDatabase _database = new();

    [PostgresFact]
    public async Task Updates_spread_over_two_processes_one_killed_and_restarted_are_each_answered()
    {
        await using var fake = await FakeBotApi.StartAsync();
        var updates = Enumerable.Range(1, Chats * PerChat)
            .Select(id =>
            {
                var chat = 30_000 + ((id - 1) % Chats) + 1;
                var update = Updates.Text(chat, chat, "/help");
                update["update_id"] = id;
                return update;
            })
            .ToList();

        var first = await StartAsync(fake);
        var second = await StartAsync(fake);
        try
        {
            var twoThirds = updates.Count * 2 / 3;
            var posting = PostSpreadAsync(updates[..twoThirds], [first, second]);

            // Killed while both are answering and updates still arrive; Telegram retries what the killed process
            // did not take at the address that answers, the survivor.
            await fake.WaitUntilAsync(f => f.Sent.Count >= 60, "both processes to be answering", TimeSpan.FromSeconds(60));
            first.Process.Kill(entireProcessTree: true);
            await first.Process.WaitForExitAsync();
            var atKill = fake.Sent.Count;
            await posting;

            first.Dispose();
            first = await StartAsync(fake);
            await PostSpreadAsync(updates[twoThirds..], [first, second]);

            await fake.WaitUntilAsync(_ => Enumerable.Range(1, Chats).All(c => fake.SentTo(30_000 + c).Count >= PerChat), "every update to be answered", TimeSpan.FromSeconds(120));
            await fake.WaitUntilAsync(_ => CountPending() == 0, "the inbox and outbox to be empty", TimeSpan.FromSeconds(60));
            output.WriteLine($"First process killed after {atKill} answers; {fake.Sent.Count} answers in all for {updates.Count} updates.");
        }
        finally
        {
            foreach (var process in new[] { first, second })
            {
                process.Process.Kill(entireProcessTree: true);
                await process.Process.WaitForExitAsync();
                process.Dispose();
            }
        }

        // A chat sends one message at a time, so a kill leaves at most one of its sends in flight: at most one repeat
        // per chat, however many chats the killed process was sending to at that moment.
        Assert.All(Enumerable.Range(1, Chats), c => Assert.InRange(fake.SentTo(30_000 + c).Count, PerChat, PerChat + 1));
        Assert.Equal(updates.Count, CountHandled());
    }

    public void Dispose() => _database.Dispose();

    private static async Task PostSpreadAsync(IReadOnlyList<JsonObject> updates, IReadOnlyList<BotProcess> processes)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, updates.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            // The process the update is meant for first; when it does not take the update, the others in turn.
            for (var attempt = 0; attempt < processes.Count; attempt++)
            {
                var target = processes[(i + attempt) % processes.Count];
                if (target.Process.HasExited)
                {
                    continue;
                }

                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Url, "/telegram/hook")) { Content = JsonContent.Create(updates[i]) };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                try
                {
                    using var response = await target.Http.SendAsync(request, token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Killed while the request was under way.
                }
            }

            Assert.Fail($"No process took update {updates[i]["update_id"]}.");
        });
    }

    private long CountPending() => Count("SELECT (SELECT COUNT(*) FROM telegram_outbox) + (SELECT COUNT(*) FROM telegram_update WHERE state = 'received')");

    private long CountHandled() => Count("SELECT COUNT(*) FROM telegram_update WHERE state = 'handled'");

    private long Count(string sql)
    {
        using var connection = _database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private async Task<BotProcess> StartAsync(FakeBotApi fake)
    {
        var port = FreePort();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var program = Path.Combine(RepositoryPaths.Root, "src", "BlockBot", "bin", configuration, "net10.0", "BlockBot.dll");
        Directory.CreateDirectory(_database.Root);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _database.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(program);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["BlockBot__Storage__Provider"] = _database.Provider.ToString();
        start.Environment["BlockBot__Storage__ConnectionString"] = _database.ConnectionString;
        start.Environment["BlockBot__Http__Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["BlockBot__Telegram__Token"] = FakeBotApi.Token;
        start.Environment["BlockBot__Telegram__ApiUrl"] = fake.Url;
        start.Environment["BlockBot__Telegram__Mode"] = "Webhook";
        start.Environment["BlockBot__Telegram__WebhookUrl"] = "https://127.0.0.1:8443/telegram/hook";
        start.Environment["BlockBot__Telegram__WebhookSecret"] = Secret;
        start.Environment["BlockBot__Telegram__MessagesPerSecond"] = "200";
        start.Environment["BlockBot__Telegram__ChatMessagesPerSecond"] = "50";
        start.Environment["BlockBot__DialogsPath"] = RepositoryPaths.Dialogs;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                output.WriteLine($"[{port}] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var bot = new BotProcess(process, new Uri($"http://127.0.0.1:{port}"), new HttpClient());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await IsLiveAsync(bot, deadline.Token))
        {
            Assert.False(process.HasExited, "The bot process exited during its start.");
            await Task.Delay(100, deadline.Token);
        }

        return bot;
    }

    private static async Task<bool> IsLiveAsync(BotProcess bot, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await bot.Http.GetAsync(new Uri(bot.Url, "/health/live"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record BotProcess(Process Process, Uri Url, HttpClient Http) : IDisposable
    {
        public void Dispose()
        {
            Http.Dispose();
            Process.Dispose();
        }
    }
}
