using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Actions;

/// <summary>
/// Hands the line's queue clearing (or VM change) to staff: opened now when the clearing policy allows
/// it, else scheduled to open by itself at the earliest allowed date. <c>crm</c> and <c>repeated</c>
/// fall back to what the case recorded when the dialog has not saved them.
/// </summary>
public sealed class RequestClearingAction(ICaseRepository cases, TicketIssuer issuer, DateDisplay dates) : IDialogAction
{
    public const string KindArgument = "kind";

    private static readonly string[] Kinds = [TicketKinds.QueueClearing, TicketKinds.VmChange];

    public string Name => "request_clearing";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { KindArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var kind = TicketKinds.Parse(context.RequireArgument(this, KindArgument, Kinds));
        var caseId = context.CaseId();
        var line = context.RequireValue(ValueNames.Line);
        var blockCase = await cases.GetAsync(caseId, cancellationToken)
            ?? throw new InvalidOperationException($"Case {caseId} does not exist; cannot request a clearing for it.");

        var ticket = await issuer.RequestClearingAsync(
            new ClearingRequest
            {
                Customer = context.Customer,
                CaseId = caseId,
                Kind = kind,
                Line = line,
                CrmMarketing = context.OptionalYesNo(ValueNames.Crm) ?? blockCase.CrmMarketing,
                Repeated = context.OptionalYesNo(ValueNames.Repeated) ?? blockCase.Repeated,
                Language = context.Language,
            },
            cancellationToken);

        context.Values[ValueNames.Clearing] = ticket.State == TicketState.Scheduled ? ValueNames.Scheduled : ValueNames.Opened;
        context.Values[ValueNames.ClearingDate] = dates.Format(ticket.OpensAt, context.Language);
        context.Values[ValueNames.TicketId] = ActionValues.Text(ticket.Id);
    }
}
