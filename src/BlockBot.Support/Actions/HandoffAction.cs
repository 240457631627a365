using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Actions;

/// <summary>
/// Hands a general question to a person. When the customer's channel has operators of its own (a Bitrix24 open
/// line) the chat goes to them; the ticket opens either way, so the staff chat sees the request and its case.
/// </summary>
public sealed class HandoffAction(ICaseRepository cases, TicketIssuer issuer, IEnumerable<IOperatorTransfer> transfers) : IDialogAction
{
    public const string KindArgument = "kind";

    private static readonly string[] Kinds = [TicketKinds.GeneralQuestion];

    public string Name => "handoff";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { KindArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        context.RequireArgument(this, KindArgument, Kinds);
        var openCase = await cases.FindOpenAsync(context.Customer, cancellationToken);
        var ticket = await issuer.OpenGeneralQuestionAsync(context.Customer, context.Language, openCase?.Id, openCase?.Line, cancellationToken);
        context.Values[ValueNames.TicketId] = ActionValues.Text(ticket.Id);
        if (transfers.FirstOrDefault(t => t.ChannelId == context.Customer.ChannelId) is { } transfer)
        {
            await transfer.TransferAsync(context.Turn, cancellationToken);
        }
    }
}
