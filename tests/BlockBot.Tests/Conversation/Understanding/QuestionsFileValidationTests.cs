using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Conversation.Understanding;

/// <summary>A broken questions file stops the bot with the file and the line, like a broken dialog.</summary>
public sealed class QuestionsFileValidationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "blockbot-questions", Guid.NewGuid().ToString("N"));

    public QuestionsFileValidationTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public static TheoryData<string, string, string> Breakages => new()
    {
        { "an entry without its English answer", "      en: |\n        To be honest: there's no guarantee.", "      xx: |\n        To be honest: there's no guarantee." },
        { "an answer that names an unknown dialog", "then: { start: causes }", "then: { start: reasons }" },
        { "a phrasing under two entries", "        - номер в бане\n", "        - номер в бане\n        - прогрев номера ватсап\n" },
        { "a command that is not built in", "then: { command: /status }", "then: { command: /statistics }" },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_broken_entry_is_reported_with_the_file_and_line(string breakage, string original, string broken)
    {
        var path = Path.Combine(_folder, DialogSetLoader.QuestionsFileName);
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(original, StringComparison.Ordinal), $"the questions file no longer has the text this test breaks ({breakage})");
        File.WriteAllText(path, text.Replace(original, broken, StringComparison.Ordinal));

        var error = Assert.Throws<DialogLoadException>(() => Loader().Load(_folder));

        Assert.Contains(error.Problems, p => p.Location.File == path && p.Location.Line > 1);
    }

    [Fact]
    public void An_entry_with_too_few_phrasings_is_reported()
    {
        var path = Path.Combine(_folder, DialogSetLoader.QuestionsFileName);
        File.WriteAllText(path, """
            questions:
              - id: tiny
                title: { ru: "Мало", en: "Few" }
                examples:
                  ru: [раз, два]
                  en: [one, two, three, four, five]
                answer: { ru: "Ответ", en: "Answer" }
            """);

        var error = Assert.Throws<DialogLoadException>(() => Loader().Load(_folder));

        var problem = Assert.Single(error.Problems);
        Assert.Equal((path, 2), (problem.Location.File, problem.Location.Line));
        Assert.Contains("'ru' examples", problem.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DialogSetLoader Loader() => DialogLoaders.Create();
}
