using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;

namespace BlockBot.Support.Actions;

/// <summary>
/// Guesses whether this is a repeated block of the line from earlier cases. A cancelled case was never
/// followed through and does not count; an open case counts once its queue was cleared (the customer is
/// past the block and it happened again), not while the block it describes is still being handled.
/// </summary>
public sealed class CheckHistoryAction(ICaseRepository cases, DateDisplay dates) : IDialogAction
{
    private static readonly HashSet<string> PastTheBlock = [CaseStages.PhoneOnly, CaseStages.Reconnect, CaseStages.ChatsOnly];

    public string Name => "check_history";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string>();

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var line = context.RequireValue(ValueNames.Line);
        var previous = (await cases.ListForLineAsync(context.Customer, line, cancellationToken))
            .FirstOrDefault(c => c.IsOpen ? PastTheBlock.Contains(c.Stage) : c.Outcome != CaseOutcomes.Cancelled);

        context.Values[ValueNames.RepeatedGuess] = previous is null ? ValueNames.No : ValueNames.Yes;
        context.Values[ValueNames.PreviousBlock] = previous is null ? string.Empty : dates.Format(previous.CreatedAt, context.Language);
    }
}
