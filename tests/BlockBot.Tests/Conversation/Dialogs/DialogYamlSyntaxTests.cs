using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Conversation.Dialogs;

/// <summary>
/// However a dialog file is broken as YAML, loading it reports the file and a line, never an exception of its own:
/// a table of the usual slips, and every real file cut off and garbled at seeded random places.
/// </summary>
public sealed class DialogYamlSyntaxTests
{
    private const string File = "dialogs/menu.yaml";

    public static TheoryData<string, int> Slips => new()
    {
        // the file's text, a line the problem may be reported at (or the one before it)
        { "dialog: menu\ntitle: { ru: \"Меню\", en: \"Menu\"\nsteps: []\n", 3 },
        { "dialog: menu\ntitle: { ru: \"Меню\", en: \"Menu\"", 3 },
        { "dialog: menu\ntriggers:\n  commands: [/start, /menu\nsteps: []\n", 4 },
        { "dialog: menu\ntitle: { ru: \"Меню, en: \"Menu\" }\n", 2 },
        { "dialog: menu\ntitle: 'Меню\n", 3 },
        { "dialog: menu\n\ttitle: x\n", 2 },
        { "dialog: menu\n  title: x\n title: y\n", 3 },
        { "dialog: menu\ntitle: *nowhere\n", 2 },
        { "dialog: menu\ndialog: again\n", 2 },
        { "dialog: menu\ntitle: x: y\n", 2 },
        { "dialog: menu\nsteps:\n  - id: a\n   say: x\n", 4 },
        { "- just\n- a list\n", 1 },
        { "", 1 },
        { "\0\u0001\u0002", 1 },
        { "dialog: menu\n--- \ndialog: other\n", 1 },
    };

    [Theory]
    [MemberData(nameof(Slips))]
    public void A_YAML_slip_is_reported_with_the_file_and_its_line(string text, int line)
    {
        var problems = new List<DialogProblem>();

        DialogFileParser.ParseDialog(File, new StringReader(text), problems);

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Equal(File, p.Location.File));
        Assert.Contains(problems, p => p.Location.Line >= line - 1 && p.Location.Line <= line);
        Assert.All(problems, p => Assert.DoesNotContain("current state of the object", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_real_dialog_file_cut_off_or_garbled_anywhere_is_reported_not_thrown()
    {
        var random = new Random(9_6);
        foreach (var path in Directory.EnumerateFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            var text = System.IO.File.ReadAllText(path);
            for (var i = 0; i < 150; i++)
            {
                var broken = i % 2 == 0 ? text[..random.Next(text.Length)] : Garble(text, random);
                var problems = new List<DialogProblem>();
                var lines = broken.Split('\n').Length + 1;

                var parse = Record.Exception(() =>
                {
                    if (Path.GetFileName(path) == DialogSetLoader.TextsFileName)
                    {
                        DialogFileParser.ParseTexts(path, new StringReader(broken), problems);
                    }
                    else
                    {
                        DialogFileParser.ParseDialog(path, new StringReader(broken), problems);
                    }
                });

                Assert.True(parse is null, $"{Path.GetFileName(path)}, case {i}: {parse}");
                Assert.All(problems, p => Assert.InRange(p.Location.Line, 1, lines));
            }
        }
    }

    private static string Garble(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var n = random.Next(1, 6); n > 0; n--)
        {
            chars[random.Next(chars.Length)] = "{}[]:'\"\t\n-&*!|>%@`#,?"[random.Next(21)];
        }

        return new string(chars);
    }
}
