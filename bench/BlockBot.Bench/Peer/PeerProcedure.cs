using Microsoft.Bot.Schema;

namespace BlockBot.Bench.Peer;

/// <summary>The peers' 6 user turns and the check of every reply (bench-peers/botbuilder-js/bench.js <c>checkReplies</c>).</summary>
public static class PeerProcedure
{
    public const string Intro = "Sorry to hear that your number was blocked. I will ask a few short questions and then hand the case to our support team.";
    public const string Status = "What is the current status of the number?";
    public const string LineName = "What is the name of the line (as shown in your connector settings)?";
    public const string Crm = "Was CRM marketing (bulk messages from the CRM) used on this line?";
    public const string FirstBlock = "Is this the first block of this number?";
    public const string Handoff = "Ready for hand-off to a support engineer?";

    private static readonly int[] ExpectedCount = [2, 1, 1, 1, 2, 1];

    public static string[] UserTurns(int conversation) =>
        ["my number was blocked", "unblocked", $"Line-{conversation}", "yes", "yes", "yes"];

    /// <summary>
    /// Throws on any deviation from the expected replies of turn <paramref name="turn"/> (0-based). The engine shows a
    /// saved yes/no answer as its button's text ("Yes"), hence the case-blind check of those two words.
    /// </summary>
    public static void Check(int conversation, int turn, IReadOnlyList<Activity> replies)
    {
        var texts = replies.Select(r => r.Text).ToList();
        void Fail(string why) => throw new InvalidOperationException(
            $"conversation {conversation} turn {turn + 1}: {why}; replies = [{string.Join(" | ", texts)}]");

        if (replies.Count != ExpectedCount[turn])
        {
            Fail($"expected {ExpectedCount[turn]} replies");
        }

        switch (turn)
        {
            case 0:
                if (texts[0] != Intro) Fail("intro");
                if (texts[1] != Status || replies[1].SuggestedActions?.Actions?.Count != 3) Fail("status choice prompt");
                break;
            case 1 when texts[0] != LineName: Fail("line-name prompt"); break;
            case 2 when texts[0] != Crm || replies[0].SuggestedActions?.Actions?.Count != 2: Fail("CRM yes/no prompt"); break;
            case 3 when texts[0] != FirstBlock: Fail("first-block yes/no prompt"); break;
            case 4:
                if (texts[0] is not { } summary || !summary.Contains($"\"Line-{conversation}\"", StringComparison.Ordinal)
                    || !summary.Contains("status: unblocked", StringComparison.Ordinal)
                    || !summary.Contains("CRM marketing used: yes", StringComparison.OrdinalIgnoreCase)
                    || !summary.Contains("first block: yes", StringComparison.OrdinalIgnoreCase))
                {
                    Fail("summary");
                }

                if (texts[1] != Handoff) Fail("hand-off yes/no prompt");
                break;
            case 5 when texts[0] != PeerProfileMiddleware.TicketOpened: Fail("ticket opened"); break;
        }
    }
}
