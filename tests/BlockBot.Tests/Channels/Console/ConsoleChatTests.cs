using System.IO.Pipes;
using BlockBot.Channels.Console;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Tests.Channels.Console;

/// <summary>
/// The console channel as a scripted user drives it: one line one message, staff commands in the same
/// stream, plain lines out, and the host stopping by itself once the input ends and pending work is done.
/// </summary>
public sealed class ConsoleChatTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task A_scripted_chat_runs_the_procedure_with_staff_commands_and_exits_when_input_ends()
    {
        var output = await RunAsync(
            "/start", "1", "Продажи", "нет", "нет", "1",
            "/staff list", "/staff take 1", "/staff done 1",
            "Подключили");

        AssertInOrder(output,
            "С чем помочь?",
            "  1. Мой номер заблокирован",
            "[staff] Ticket #1 · queue clearing",
            "[staff] Line: Продажи",
            "[staff] #1 · queue clearing · Продажи · open, waiting for someone to take it",
            "[staff] You took ticket #1.",
            "[staff] Ticket #1: done by Console staff",
            "Получилось подключить?",
            "Следующие несколько дней после подключения — только переписка:");
    }

    [Fact]
    public async Task Control_bytes_a_customer_sends_show_as_visible_escapes_in_staff_lines()
    {
        const string hostile = "\u001b[2J\u0007\u0000";
        var output = await RunAsync(
            "/start", "1", "Продажи" + hostile, "нет", "нет", "1",
            "/staff take 1", hostile + "hello");

        AssertInOrder(output,
            @"[staff] Line: Продажи\x1b[2J\x07\x00",
            "[staff] You took ticket #1.",
            @"[staff] Ticket #1 · the customer writes: \x1b[2J\x07\x00hello");
        Assert.DoesNotContain(output, line => line.Any(char.IsControl));
    }

    [Fact]
    public async Task Staff_list_the_messages_the_bot_did_not_understand_with_the_customers_text_made_inert()
    {
        var output = await RunAsync("йцук фыва \u001b[2J", "/staff questions");

        AssertInOrder(output,
            "Этого я пока не понимаю.",
            "[staff] The newest customer messages the bot did not understand",
            @"· ru · start · console:local: йцук фыва \x1b[2J");
    }

    [Fact]
    public async Task Bad_staff_commands_get_a_usage_line_and_change_nothing()
    {
        var output = await RunAsync("/staff", "/staff take", "/staff take 99", "/staff decline 1", "/staffing");

        AssertInOrder(output,
            "[staff] Staff commands: /staff list",
            "[staff] Which ticket?",
            "[staff] Ticket #99 does not exist",
            "[staff] A reason is required to decline ticket #1.");
        Assert.DoesNotContain("[staff]", output[^3..].Last(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_linger_a_reminder_that_falls_due_prints_before_the_exit()
    {
        var output = await RunAsync(
            new Dictionary<string, string?> { ["BlockBot:Periods:ChatsOnly"] = "00:00:01", ["BlockBot:Console:LingerSeconds"] = "3" },
            "/blocked", "Продажи", "нет", "нет", "1", "/staff done 1", "Подключили");

        AssertInOrder(output, "Получилось подключить?", "Следующие несколько дней после подключения — только переписка:", "Период «только переписка» закончился");
    }

    [Fact]
    public async Task A_bot_whose_terminal_stays_open_stops_when_asked_without_waiting_for_a_line()
    {
        // A pipe nobody writes to while the bot runs, read through a synchronised reader as the terminal's is.
        var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        var input = TextReader.Synchronized(new StreamReader(new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle)));
        try
        {
            using var output = new StringWriter();
            var builder = Builder(new Dictionary<string, string?>(), output);
            builder.Services.AddSingleton(input);
            builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMinutes(10));
            using var host = builder.Build();
            await host.StartAsync();

            using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await host.StopAsync(CancellationToken.None).WaitAsync(guard.Token);
        }
        finally
        {
            // Closing the pipe ends the read still pending, so the reader's lock is free to dispose it.
            terminal.Dispose();
            input.Dispose();
        }
    }

    public void Dispose() => _database.Dispose();

    private Task<string[]> RunAsync(params string[] lines) => RunAsync(new Dictionary<string, string?>(), lines);

    private async Task<string[]> RunAsync(Dictionary<string, string?> settings, params string[] lines)
    {
        using var output = new StringWriter();
        var builder = Builder(settings, output);
        builder.Services.AddSingleton<TextReader>(new StringReader(string.Join("\n", lines) + "\n"));

        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "The console chat did not stop by itself at the end of its input.");
        return output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>The console bot's host, its input left for the test to register.</summary>
    private HostApplicationBuilder Builder(Dictionary<string, string?> settings, StringWriter output)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = RepositoryPaths.Root });
        settings["BlockBot:DialogsPath"] = RepositoryPaths.Dialogs;
        settings["BlockBot:Storage:Provider"] = _database.Provider.ToString();
        settings["BlockBot:Storage:ConnectionString"] = _database.ConnectionString;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBlockBotCore(builder.Configuration).AddBlockBotConsole(builder.Configuration).AddBlockBotConsoleStaffChat(builder.Configuration);
        builder.Services.RemoveAll<TextReader>();
        builder.Services.RemoveAll<ConsoleTranscript>();
        builder.Services.AddSingleton(new ConsoleTranscript(output, interactive: false));
        return builder;
    }

    private static void AssertInOrder(string[] output, params string[] expected)
    {
        var at = 0;
        foreach (var fragment in expected)
        {
            var found = Array.FindIndex(output, at, line => line.Contains(fragment, StringComparison.Ordinal));
            Assert.True(found >= 0, $"Expected, after line {at}: {fragment}{Environment.NewLine}Output:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
            at = found + 1;
        }
    }
}
