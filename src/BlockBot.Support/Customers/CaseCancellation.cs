using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Actions;
using BlockBot.Support.Cases;

namespace BlockBot.Support.Customers;

/// <summary><c>/cancel</c> closes the customer's case as cancelled (its reminders and tickets go with it).</summary>
public sealed class CaseCancellation(ICustomerStatusSource status, CloseCaseAction closeCase) : ICancelHook
{
    public async Task<bool> HasOpenAsync(CustomerId customer, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken) =>
        values.ContainsKey(ValueNames.CaseId) || await status.GetStatusAsync(customer, cancellationToken) is not null;

    public async Task CancelAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        if (!context.Values.ContainsKey(ValueNames.CaseId))
        {
            return;
        }

        var arguments = new Dictionary<string, string> { [CloseCaseAction.OutcomeArgument] = CaseOutcomes.Cancelled };
        await closeCase.ExecuteAsync(context with { Arguments = arguments }, cancellationToken);
    }
}
