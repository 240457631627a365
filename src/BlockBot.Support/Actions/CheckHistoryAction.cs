using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;

namespace BlockBot.Support.Actions;

/// <summary>
/// Guesses whether this is a repeated block of the line from earlier cases. The customer's open case is
/// the block being handled now, and a cancelled case was never followed through, so neither counts.
/// </summary>
public sealed class CheckHistoryAction(ICaseRepository cases, DateDisplay dates) : IDialogAction
{
    public string Name => "check_history";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string>();

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var line = context.RequireValue(ValueNames.Line);
        var previous = (await cases.ListForLineAsync(context.Customer.Key, line, cancellationToken))
            .FirstOrDefault(c => !c.IsOpen && c.Outcome != CaseOutcomes.Cancelled);

        context.Values[ValueNames.RepeatedGuess] = previous is null ? ValueNames.No : ValueNames.Yes;
        context.Values[ValueNames.PreviousBlock] = previous is null ? string.Empty : dates.Format(previous.CreatedAt, context.Language);
    }
}
