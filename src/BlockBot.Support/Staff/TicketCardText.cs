using BlockBot.Conversation;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Staff;

/// <summary>How a ticket reads to staff, the same in every staff chat: a card, a one-line summary, a state line.</summary>
public sealed class TicketCardText(DateDisplay dates)
{
    public string Describe(HandoffTicket ticket)
    {
        var lines = new List<string> { $"Ticket #{ticket.Id} · {KindName(ticket.Kind)}" };
        if (ticket.Line is not null)
        {
            lines.Add($"Line: {ticket.Line}");
        }

        if (ticket.CrmMarketing is { } crm)
        {
            lines.Add($"CRM-marketing mailing sent: {(crm ? "yes" : "no")}");
        }

        if (ticket.Repeated is { } repeated)
        {
            lines.Add($"Block: {(repeated ? "repeated" : "first")}");
        }

        lines.Add($"Customer: {ticket.Customer} ({ticket.CustomerLanguage})");
        lines.Add(StateLine(ticket));
        return string.Join("\n", lines);
    }

    public string Summary(HandoffTicket ticket) =>
        $"#{ticket.Id} · {KindName(ticket.Kind)}{(ticket.Line is null ? "" : $" · {ticket.Line}")} · {StateText(ticket)}";

    public string StateLine(HandoffTicket ticket) => $"Ticket #{ticket.Id}: {StateText(ticket)}";

    private string StateText(HandoffTicket ticket) => ticket.State switch
    {
        TicketState.Scheduled => $"scheduled, opens {dates.Format(ticket.OpensAt, Languages.English)}",
        TicketState.Open => "open, waiting for someone to take it",
        TicketState.Taken => $"taken by {ticket.HandledBy}",
        TicketState.Done => $"done by {ticket.HandledBy}",
        TicketState.Declined => $"declined by {ticket.HandledBy}: {ticket.DeclineReason}",
        TicketState.Withdrawn => "withdrawn by the customer",
        _ => ticket.State.ToString(),
    };

    private static string KindName(TicketKind kind) => kind switch
    {
        TicketKind.QueueClearing => "queue clearing",
        TicketKind.VmChange => "VM change with queue clearing",
        _ => "general question",
    };
}
