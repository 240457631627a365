using Microsoft.Extensions.Options;

namespace BlockBot.Conversation.Understanding;

/// <summary>Turns a message's topic scores into a decision: answer, ask back, or say it is not understood.</summary>
public sealed class MessageInterpreter(IOptions<UnderstandingOptions> options)
{
    private readonly UnderstandingOptions _options = options.Value;

    public Interpretation Interpret(QuestionIndex index, string message)
    {
        var ranked = index.Rank(message);
        if (ranked.Count == 0)
        {
            return Interpretation.Nothing;
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : null;
        var clear = second is null || second.Score < top.Score * _options.ClearMargin;
        var verdict = top.Score >= _options.ConfidentScore && clear ? Verdict.Confident
            : top.Score >= _options.UnsureScore ? Verdict.Unsure
            : Verdict.NotUnderstood;
        return new Interpretation(verdict, top, second);
    }
}
