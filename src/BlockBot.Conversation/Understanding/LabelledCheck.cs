namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Runs a labelled set through the understanding as the engine uses it: a topic message as a first message (answered
/// only when confident), an out-of-scope message likewise, a line name at the line-name step.
/// </summary>
public sealed class LabelledCheck(QuestionBook questions, MessageInterpreter interpreter)
{
    /// <summary>What the check reports for a message the bot would not answer with a topic.</summary>
    public const string NotAnswered = "(not understood)";

    public LabelledCheckReport Run(IReadOnlyList<LabelledMessage> messages)
    {
        var outcomes = new List<LabelledOutcome>(messages.Count);
        foreach (var message in messages)
        {
            var interpretation = interpreter.Interpret(questions.Index, message.Message);
            outcomes.Add(Judge(message, interpretation));
        }

        return new LabelledCheckReport(outcomes);
    }

    /// <summary>What the bot did with the message, as the labels name it, given what it made of it.</summary>
    public static LabelledOutcome Judge(LabelledMessage message, Interpretation interpretation) =>
        new(message, Chosen(message, interpretation), interpretation);

    private static string Chosen(LabelledMessage message, Interpretation interpretation)
    {
        if (message.Label == LabelledMessage.LineName)
        {
            return interpretation is { Confident: { } topic, Best: { } best } && MessageShape.IsQuestionNotAnswer(best, message.Message)
                ? topic.Id
                : LabelledMessage.LineName;
        }

        return interpretation.Confident switch
        {
            { IsOutOfScope: true } => LabelledMessage.OutOfScope,
            { } topic => topic.Id,
            null when interpretation.Verdict == Verdict.NotUnderstood => LabelledMessage.OutOfScope,
            null => NotAnswered,
        };
    }
}
