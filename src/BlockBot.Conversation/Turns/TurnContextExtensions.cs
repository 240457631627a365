using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Turns;

public static class TurnContextExtensions
{
    private const string UnitOfWorkKey = "BlockBot.TurnUnitOfWork";

    /// <summary>The turn's unit of work, kept in its turn state; created the first time it is asked for.</summary>
    public static TurnUnitOfWork UnitOfWork(this ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.TurnState.Get<TurnUnitOfWork>(UnitOfWorkKey) is { } existing)
        {
            return existing;
        }

        var work = new TurnUnitOfWork();
        turnContext.TurnState.Add(UnitOfWorkKey, work);
        return work;
    }
}
