using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Actions;

/// <summary>Hands a general question to a person. The customer's open case, if any, goes on the ticket so staff have the context.</summary>
public sealed class HandoffAction(ICaseRepository cases, TicketIssuer issuer) : IDialogAction
{
    public const string KindArgument = "kind";

    private static readonly string[] Kinds = [TicketKinds.GeneralQuestion];

    public string Name => "handoff";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { KindArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        context.RequireArgument(this, KindArgument, Kinds);
        var openCase = await cases.FindOpenAsync(context.Customer.Key, cancellationToken);
        var ticket = await issuer.OpenGeneralQuestionAsync(context.Customer, context.Language, openCase?.Id, openCase?.Line, cancellationToken);
        context.Values[ValueNames.TicketId] = ActionValues.Text(ticket.Id);
    }
}
