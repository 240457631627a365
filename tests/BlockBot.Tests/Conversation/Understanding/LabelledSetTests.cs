using BlockBot.Conversation.Understanding;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace BlockBot.Tests.Conversation.Understanding;

/// <summary>
/// The held-out labelled set (labelled.tsv beside this file: customers' wordings written apart from questions.yaml)
/// through the understanding as the engine uses it, as <c>questions check</c> runs it. The floors are what the bot
/// reaches today (docs/decisions/0009 has the figures and the targets): a change that understands less fails.
/// </summary>
public sealed class LabelledSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<LabelledCheckReport> Report = new(Run);

    [Fact]
    public void Questions_go_to_their_topic()
    {
        output.WriteLine(Report.Value.Format());
        Assert.True(Report.Value.QuestionAccuracy >= 0.955, $"questions to the right topic: {Report.Value.QuestionAccuracy:P1}");
    }

    [Fact]
    public void Out_of_scope_messages_are_recognised() =>
        Assert.True(Report.Value.OutOfScopeAccuracy >= 0.935, $"out of scope recognised: {Report.Value.OutOfScopeAccuracy:P1}");

    [Fact]
    public void Every_plain_line_name_is_taken_as_a_line_name() =>
        Assert.Empty(Report.Value.Outcomes.Where(o => o.Message.Label == LabelledMessage.LineName && !o.Right).Select(o => o.Message.Message));

    [Fact]
    public void The_set_has_enough_of_every_kind()
    {
        var counts = Report.Value.Outcomes.GroupBy(o => o.Message.Label).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(counts.Values.Sum() >= 300);
        Assert.True(counts[LabelledMessage.OutOfScope] >= 40);
        Assert.True(counts[LabelledMessage.LineName] >= 30);
        Assert.All(RealDialogs.Set.Questions.Entries.Where(e => !e.IsOutOfScope), e => Assert.True(counts.GetValueOrDefault(e.Id) >= 15, $"{e.Id}: {counts.GetValueOrDefault(e.Id)}"));
    }

    [Fact]
    public void No_labelled_message_is_an_example_of_the_questions_file()
    {
        var examples = RealDialogs.Set.Questions.Entries.SelectMany(e => e.Examples).Select(e => BlockBot.Conversation.Engine.AnswerMatcher.Normalize(e.Text)).ToHashSet();
        Assert.DoesNotContain(Report.Value.Outcomes, o => examples.Contains(BlockBot.Conversation.Engine.AnswerMatcher.Normalize(o.Message.Message)));
    }

    private static LabelledCheckReport Run()
    {
        using var reader = File.OpenText(Path.Combine(RepositoryPaths.Root, "tests", "BlockBot.Tests", "Conversation", "Understanding", "labelled.tsv"));
        var interpreter = new MessageInterpreter(Options.Create(new UnderstandingOptions()));
        return new LabelledCheck(RealDialogs.Set.Questions, interpreter).Run(LabelledMessage.Parse(reader));
    }
}
