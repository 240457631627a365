using System.Buffers;
using Microsoft.Extensions.Options;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Turns a message's topic scores into a decision: answer, ask back, or say it is not understood. A greeting or thanks
/// that comes with a longer message gives way to what the message is about.
/// </summary>
public sealed class MessageInterpreter(IOptions<UnderstandingOptions> options)
{
    private readonly UnderstandingOptions _options = options.Value;

    private static readonly SearchValues<char> ClauseEnds = SearchValues.Create(",.!;:—");

    public Interpretation Interpret(QuestionIndex index, string message)
    {
        message = WithoutLeadingCourtesy(index, message);
        var ranked = index.Rank(message);
        if (ranked.Count == 0)
        {
            return Interpretation.Nothing;
        }

        var top = ranked[0];
        var second = ranked.Count > 1 ? ranked[1] : null;
        if (top.Entry.SmallTalk && second is { Entry.SmallTalk: false } substance && MessageShape.WordCount(message) > MessageShape.SmallTalkMaxWords)
        {
            // "Hello, WhatsApp blocked my number": the greeting is manners, the rest is the message.
            (top, second) = (substance with { Score = Math.Max(substance.Score, top.Score) }, null);
        }

        (top, second, var clear) = NearTie.Resolve(top, second, _options.ClearMargin, _options.TieBreakLeaning);
        // Torn between a topic and "outside what I know" is not a topic worth asking about: say plainly it is not known.
        var halfOutside = top.Entry.IsOutOfScope || second?.Entry.IsOutOfScope == true;
        var verdict = top.Score >= _options.ConfidentScore && clear ? Verdict.Confident
            : top.Score >= _options.UnsureScore && !halfOutside ? Verdict.Unsure
            : Verdict.NotUnderstood;
        return new Interpretation(verdict, top, second);
    }

    /// <summary>"Здравствуйте, WhatsApp заблокировал наш номер" is read as what follows the greeting.</summary>
    private string WithoutLeadingCourtesy(QuestionIndex index, string message)
    {
        var end = message.IndexOfAny(ClauseEnds);
        if (end <= 0 || MessageShape.WordCount(message[(end + 1)..]) == 0)
        {
            return message;
        }

        var lead = index.Rank(message[..end]);
        return lead.Count > 0 && lead[0].Entry.SmallTalk && lead[0].Score >= _options.ConfidentScore ? message[(end + 1)..] : message;
    }
}
