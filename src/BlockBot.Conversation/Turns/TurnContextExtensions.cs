using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Turns;

public static class TurnContextExtensions
{
    // Keyed by the turn context itself rather than kept in its TurnState: TurnState compares its keys culture-aware and
    // ignoring case, so every lookup hashes the key through ICU, and a turn asks for its unit of work a dozen times
    // (measured: 2-3 % of a turn's CPU). The entry goes when the turn context is collected.
    private static readonly ConditionalWeakTable<ITurnContext, TurnUnitOfWork> Units = new();

    /// <summary>The turn's unit of work, created the first time it is asked for.</summary>
    public static TurnUnitOfWork UnitOfWork(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return Units.GetValue(turnContext, static _ => new TurnUnitOfWork());
    }
}
