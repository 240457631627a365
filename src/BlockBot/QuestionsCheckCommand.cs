using System.Globalization;
using BlockBot.Conversation.Engine;
using BlockBot.Conversation.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot;

/// <summary>
/// <c>questions check FILE.tsv [--floor 0.95]</c>: runs a labelled file (<c>topic&lt;TAB&gt;message</c>) through the
/// understanding over the configured dialogs folder, prints the figures and every miss, and exits 1 when the share
/// of questions answered with their own topic is below the floor.
/// </summary>
internal static class QuestionsCheckCommand
{
    public const string Usage = "usage: questions check FILE.tsv [--floor 0.95]";

    public static bool Matches(string[] args) => args.Length >= 2 && args[0] == "questions" && args[1] is "check" or "calibrate";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args[1] == "calibrate")
        {
            using var calibrationHost = BlockBotProgram.Build(args[2..]);
            var questions = calibrationHost.Services.GetRequiredService<DialogSetProvider>().Current.Questions;
            var margin = calibrationHost.Services.GetRequiredService<IOptions<UnderstandingOptions>>().Value.ClearMargin;
            await Console.Out.WriteAsync(ThresholdCalibration.Run(questions.Entries, margin).Format());
            return 0;
        }

        if (args.Length < 3 || !TryReadFloor(args, out var floor))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var file = args[2];
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"questions check: no file '{file}'");
            return 2;
        }

        IReadOnlyList<LabelledMessage> messages;
        using (var reader = File.OpenText(file))
        {
            try
            {
                messages = LabelledMessage.Parse(reader);
            }
            catch (FormatException e)
            {
                await Console.Error.WriteLineAsync($"questions check: {file}: {e.Message}");
                return 2;
            }
        }

        using var host = BlockBotProgram.Build(args[3..].Where(a => a.StartsWith("--BlockBot", StringComparison.Ordinal)).ToArray());
        var dialogs = host.Services.GetRequiredService<DialogSetProvider>().Current;
        var report = new LabelledCheck(dialogs.Questions, host.Services.GetRequiredService<MessageInterpreter>()).Run(messages);
        await Console.Out.WriteAsync(report.Format());
        if (report.QuestionAccuracy < floor)
        {
            await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Below the floor: {report.QuestionAccuracy:P1} < {floor:P1}"));
            return 1;
        }

        return 0;
    }

    private static bool TryReadFloor(string[] args, out double floor)
    {
        floor = 0;
        var at = Array.IndexOf(args, "--floor");
        return at < 0 || (at + 1 < args.Length
            && double.TryParse(args[at + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out floor)
            && floor is >= 0 and <= 1);
    }
}
