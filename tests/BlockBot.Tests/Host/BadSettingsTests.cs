using System.Diagnostics;
using System.Reflection;
using BlockBot.Channels.Bitrix24;
using BlockBot.Channels.Console;
using BlockBot.Channels.Telegram;
using BlockBot.Conversation;
using BlockBot.Memory;
using BlockBot.Storage;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Policy;
using BlockBot.Support.Reminders;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Host;

/// <summary>
/// Every bad setting stops the program with one line naming the key, showing the value (a secret masked) and saying
/// what is allowed. Most rows run the program's own checks in process (<see cref="BlockBotProgram.BuildChecked"/>
/// and the message <see cref="BlockBotProgram.RunAsync"/> prints); the process rows run the built program and read
/// its exit code and standard error.
/// </summary>
public sealed class BadSettingsTests : IDisposable
{
    private static readonly (string Section, Type Options)[] OptionsSections =
    [
        (ConversationOptions.Section, typeof(ConversationOptions)),
        (StorageOptions.Section, typeof(StorageOptions)),
        (PeriodsOptions.Section, typeof(PeriodsOptions)),
        (ClearingPolicyOptions.Section, typeof(ClearingPolicyOptions)),
        (TicketGaugeOptions.Section, typeof(TicketGaugeOptions)),
        (ConsoleOptions.Section, typeof(ConsoleOptions)),
        (TelegramOptions.Section, typeof(TelegramOptions)),
        (Bitrix24Options.Section, typeof(Bitrix24Options)),
        (MemoryOptions.Section, typeof(MemoryOptions)),
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "blockbot-settings", Guid.NewGuid().ToString("N"));

    public BadSettingsTests() => Directory.CreateDirectory(_folder);

    /// <summary>The key, its bad value, and whether the value is a secret that must not be shown.</summary>
    public static TheoryData<string, string, bool> BadValues
    {
        get
        {
            var rows = new TheoryData<string, string, bool>
            {
                { "BlockBot:Storage:Provider", "Oracle", false },
                { "BlockBot:Storage:ConnectionString", "Data Source=data/x.db;Password=hunter2;=oops", false },
                { "BlockBot:Telegram:Mode", "Carrier-Pigeon", false },
                { "BlockBot:Http:Urls", "not a url", false },
                { "BlockBot:Periods:AppealFollowUp", "abc", false },
                { "BlockBot:Telegram:WebhookUrl", "http://bot.example/hook", false },
                { "BlockBot:Telegram:Token", "   ", true },
                { "BlockBot:Telegram:Token", "no-colon-secret-token", true },
                { "BlockBot:Telegram:WebhookSecret", "not allowed: spaces", true },
                { "BlockBot:Telegram:ApiUrl", "api.telegram.org", false },
                { "BlockBot:Telegram:StaffChatId", "the-staff-group", false },
                { "BlockBot:Telegram:StaffUserIds:0", "alice", false },
                { "BlockBot:Telegram:PollingTimeoutSeconds", "99", false },
                { "BlockBot:Telegram:MessagesPerSecond", "fast", false },
                { "BlockBot:Telegram:ConcurrentChats", "0", false },
                { "BlockBot:TimeZone", "Mars/Olympus_Mons", false },
                { "BlockBot:DefaultLanguage", "de", false },
                { "BlockBot:MaxMessageLength", "2k", false },
                { "BlockBot:MaxMessageLength", "5", false },
                { "BlockBot:DialogsPath", " ", false },
                { "BlockBot:ClearingPolicy:MaxPerWindow", "twice", false },
                { "BlockBot:Console:LingerSeconds", "-1", false },
                { "BlockBot:Console:UserId", "", false },
                { "BlockBot:StaffChat", "Slack", false },
                { "BlockBot:Metrics:OtlpEndpoint", "ftp://collector", false },
                { "BlockBot:Bitrix24:WebhookUrl", "portal/rest/1/very-secret", true },
                { "BlockBot:Bitrix24:BotToken", new string('t', 41), true },
                { "BlockBot:Bitrix24:BotCode", "bot code!", false },
                { "BlockBot:Bitrix24:EventPath", "events", false },
                { "BlockBot:Bitrix24:FetchLimit", "all", false },
                { "BlockBot:Bitrix24:OperatorQueueId", "first", false },
                { "BlockBot:Memory:QuietPeriod", "00:00:00", false },
                { "BlockBot:Memory:BurstMegabytes", "0", false },
                { "BlockBot:Memory:ReleaseWhenIdle", "sometimes", false },
                { "linger", "soon", false },
            };

            // Every enum and period key: a value of no shape, and for periods one below the allowed range.
            foreach (var (key, type) in TypedKeys())
            {
                var shapeless = type.IsEnum ? "Carrier-Pigeon" : "abc";
                if (!rows.Any(row => (string)row[0] == key && (string)row[1] == shapeless))
                {
                    rows.Add(key, shapeless, false);
                }

                if (type == typeof(TimeSpan))
                {
                    rows.Add(key, "-00:00:01", false);
                }
            }

            return rows;
        }
    }

    /// <summary>What the program prints and how it exits, seen from outside: the rows the issue was found with.</summary>
    public static TheoryData<string, string> ProcessRows => new()
    {
        { "BlockBot:Storage:Provider", "Oracle" },
        { "BlockBot:Storage:ConnectionString", "Data Source=data/x.db;Password=hunter2;=oops" },
        { "BlockBot:Telegram:Mode", "Carrier-Pigeon" },
        { "BlockBot:Http:Urls", "not a url" },
        { "BlockBot:Periods:AppealFollowUp", "abc" },
        { "BlockBot:Telegram:WebhookUrl", "http://bot.example/hook" },
        { "BlockBot:Telegram:Token", "   " },
        { "BlockBot:TimeZone", "Mars/Olympus_Mons" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void A_bad_value_stops_the_program_with_one_line_naming_the_key_and_value(string key, string value, bool secret)
    {
        var line = ProblemOf(Arguments((key, value)));

        Assert.DoesNotContain('\n', line);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.Contains("expected", line, StringComparison.Ordinal);
        if (secret || string.IsNullOrWhiteSpace(value))
        {
            Assert.True(value.Trim().Length == 0 || !line.Contains(value, StringComparison.Ordinal), line);
        }
        else
        {
            Assert.Contains(key.EndsWith("ConnectionString", StringComparison.Ordinal) ? "Password=***" : value, line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BlockBot:Telegram:Mode=Webhook", "BlockBot:Telegram:WebhookUrl")]
    [InlineData("BlockBot:StaffChat=Telegram", "BlockBot:Telegram:Token")]
    [InlineData("BlockBot:Bitrix24:EventMode=Webhook", "BlockBot:Http:Urls")]
    public void Settings_that_do_not_fit_together_stop_the_program_with_one_line_naming_the_keys(string setting, string missing)
    {
        var (key, value) = (setting.Split('=')[0], setting.Split('=')[1]);
        var settings = new List<(string, string)> { (key, value) };
        if (key.StartsWith("BlockBot:Telegram", StringComparison.Ordinal))
        {
            settings.Add(("BlockBot:Telegram:Token", "123:secret-token"));
        }

        if (key.StartsWith("BlockBot:Bitrix24", StringComparison.Ordinal))
        {
            settings.Add(("BlockBot:Bitrix24:WebhookUrl", "https://portal.example/rest/1/secret/"));
            settings.Add(("BlockBot:Bitrix24:BotToken", "bot-token"));
        }

        var line = ProblemOf(Arguments([.. settings]));

        Assert.DoesNotContain('\n', line);
        Assert.Contains(missing, line, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_enum_and_period_setting_is_in_the_table()
    {
        var keys = BadValues.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(TypedKeys(), typed => Assert.Contains(typed.Key, keys));
        Assert.Contains(TypedKeys(), typed => typed.Key == "BlockBot:Bitrix24:EventMode");
        Assert.Contains(TypedKeys(), typed => typed.Key == "BlockBot:Metrics:TicketRefreshInterval");
    }

    [Theory]
    [MemberData(nameof(ProcessRows))]
    public async Task The_program_exits_2_with_exactly_one_line_on_standard_error(string key, string value)
    {
        var (exitCode, error) = await RunProgramAsync(new Dictionary<string, string> { [key] = value });

        Assert.Equal(2, exitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"standard error:{Environment.NewLine}{error}");
        Assert.Contains(key, lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dialog_file_with_an_unclosed_mapping_exits_2_naming_the_file_and_line_without_a_stack_trace()
    {
        var dialogs = Path.Combine(_folder, "dialogs");
        Directory.CreateDirectory(dialogs);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(dialogs, Path.GetFileName(file)));
        }

        var menu = Path.Combine(dialogs, "menu.yaml");
        File.WriteAllText(menu, File.ReadAllText(menu).Replace("title: { ru: \"Меню\", en: \"Menu\" }", "title: { ru: \"Меню\", en: \"Menu\"", StringComparison.Ordinal));

        var (exitCode, error) = await RunProgramAsync(new Dictionary<string, string> { ["BlockBot:DialogsPath"] = dialogs });

        Assert.Equal(2, exitCode);
        Assert.Matches(@"menu\.yaml:[23]: not valid YAML", error);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The enum and TimeSpan properties of every options class, as configuration keys.</summary>
    private static IEnumerable<(string Key, Type Type)> TypedKeys() =>
        from section in OptionsSections
        from property in section.Options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        let type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType
        where property.CanWrite && (type.IsEnum || type == typeof(TimeSpan))
        select ($"{section.Section}:{property.Name}", type);

    private static string[] Arguments(params (string Key, string Value)[] settings) =>
        [$"--BlockBot:DialogsPath={RepositoryPaths.Dialogs}", .. settings.Select(s => $"--{s.Key}={s.Value}")];

    private static string ProblemOf(string[] arguments)
    {
        var error = Record.Exception(() => BlockBotProgram.BuildChecked(arguments).Dispose());
        Assert.NotNull(error);
        return BlockBotProgram.StartupProblem(error) ?? throw new Xunit.Sdk.XunitException($"Not reported as a configuration problem: {error}");
    }

    private async Task<(int ExitCode, string Error)> RunProgramAsync(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = _folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "src", "BlockBot", "bin", configuration, "net10.0", "BlockBot.dll"));
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await output;
        return (process.ExitCode, await error);
    }
}
