using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BlockBot.Tests.Conversation.Dialogs;

/// <summary>
/// The real dialogs load cleanly, and each kind of mistake a support editor can make in a copy of
/// them is reported with the file and the line it is on.
/// </summary>
public sealed class DialogValidationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "blockbot-dialogs", Guid.NewGuid().ToString("N"));

    public DialogValidationTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public static TheoryData<string, string, string, string> Mistakes => new()
    {
        // file, text to find, its replacement, what the error must say
        { "blocked.yaml", "  - id: intro\n    say:", "  - id: intro\n    shout:", "unknown step kind 'shout'" },
        { "blocked.yaml", "  - goto: ask_crm", "  - goto: nowhere", "'nowhere' is not a step of the dialog 'blocked'" },
        { "blocked.yaml", "    do: check_history", "    do: check_horoscope", "unknown action 'check_horoscope'" },
        { "blocked.yaml", "  - id: rule\n", "  - id: intro\n", "duplicate step id 'intro'" },
        { "blocked.yaml", "  - goto: ask_crm\n", "  - goto: ask_crm\n\n  - say: { ru: \"Никогда\", en: \"Never\" }\n", "can never be reached" },
        { "blocked.yaml", "      en: \"Sorry to hear your number was blocked. Let's go through it step by step.\"\n", "", "missing its 'en' text" },
        { "operator.yaml", "interrupt: true", "interrupt: maybe", "expected true or false" },
        { "menu.yaml", "dialog: menu", "dialog: menu\n  broken: [", "not valid YAML" },
        { "blocked.yaml", "        - value: unblocked\n          text: { ru: \"Уже", "        - value: разблокировали_и_очередь_линии_нужно_очистить\n          text: { ru: \"Уже", "at most 64 (a Telegram button carries at most 64 bytes)" },
    };

    [Fact]
    public void The_real_dialogs_load_without_problems()
    {
        var set = CreateLoader().Load(RepositoryPaths.Dialogs);

        Assert.Contains("blocked", set.Dialogs.Keys);
        Assert.Contains("refused", set.Dialogs.Keys);
        Assert.Equal("menu", set.Commands["/start"].Id);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_is_reported_with_its_file_and_line(string file, string find, string replace, string message)
    {
        var path = Path.Combine(_folder, file);
        var original = File.ReadAllText(path);
        Assert.Contains(find, original, StringComparison.Ordinal);
        var broken = original.Replace(find, replace, StringComparison.Ordinal);
        File.WriteAllText(path, broken);
        var expectedLine = LineOf(broken, replace.Length > 0 ? replace.TrimStart('\n').Split('\n')[0] : find.Split('\n')[0], original, find);

        var error = Assert.Throws<DialogLoadException>(() => CreateLoader().Load(_folder));

        var problem = Assert.Single(error.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(path, problem.Location.File);
        Assert.InRange(problem.Location.Line, expectedLine - 3, expectedLine + 3);
        Assert.Contains($"{file}:{problem.Location.Line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_is_reported()
    {
        Mutate("blocked.yaml", "staff_done:", "staff_finished:");

        var error = Assert.Throws<DialogLoadException>(() => CreateLoader().Load(_folder));

        Assert.Contains(error.Problems, p => p.Message.Contains("unknown event 'staff_finished'", StringComparison.Ordinal) && p.Location.File.EndsWith("blocked.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_shared_text_is_reported_against_texts_yaml()
    {
        var path = Path.Combine(_folder, "texts.yaml");
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.TrimStart().StartsWith("non_text:", StringComparison.Ordinal) || l.TrimStart().StartsWith("\"non_text\":", StringComparison.Ordinal));
        Assert.True(start >= 0);
        lines[start] = lines[start].Replace("non_text", "not_text", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);

        var error = Assert.Throws<DialogLoadException>(() => CreateLoader().Load(_folder));

        Assert.Contains(error.Problems, p => p.Message.Contains("missing the text 'non_text'", StringComparison.Ordinal) && p.Location.File == path);
    }

    [Fact]
    public async Task A_broken_file_stops_the_host_before_any_chat()
    {
        Mutate("blocked.yaml", "    do: check_history", "    do: check_horoscope");
        using var database = new TempDatabase();

        var error = await Assert.ThrowsAsync<DialogLoadException>(() => BotHost.StartAsync(database, new FakeTimeProvider(BotHost.Start), dialogsPath: _folder));

        Assert.Contains("blocked.yaml:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Mutate(string file, string find, string replace)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    private static int LineOf(string broken, string marker, string original, string find)
    {
        var index = marker.Length > 0 ? broken.IndexOf(marker, original.IndexOf(find, StringComparison.Ordinal) is var at and >= 0 ? Math.Max(0, at - 1) : 0, StringComparison.Ordinal) : -1;
        if (index < 0)
        {
            index = original.IndexOf(find, StringComparison.Ordinal);
        }

        return broken[..index].Count(c => c == '\n') + 1;
    }

    private static DialogSetLoader CreateLoader() => DialogLoaders.Create();
}
