using System.Globalization;
using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Customers;

/// <summary><c>/status</c> for a customer with an open case: its line and stage, its next reminder, its active ticket.</summary>
public sealed class CaseStatusReport(ICustomerStatusSource source, DateDisplay dates) : IStatusReport
{
    public IEnumerable<string> TextKeys => StatusTexts.All();

    public async Task<IReadOnlyList<string>> ComposeAsync(CustomerId customer, ITurnTexts texts, CancellationToken cancellationToken)
    {
        var status = await source.GetStatusAsync(customer, cancellationToken);
        if (status is null)
        {
            return [];
        }

        var lines = new List<string>
        {
            texts.Render(StatusTexts.Case, new Dictionary<string, string>
            {
                ["line"] = status.Line,
                ["stage"] = texts.RenderOr(StatusTexts.StageOf(status.Stage), status.Stage),
            }),
        };

        if (status.NextReminderKind is { } reminder && status.NextReminderAt is { } due)
        {
            lines.Add(texts.Render(StatusTexts.Reminder, new Dictionary<string, string>
            {
                ["reminder"] = texts.RenderOr(StatusTexts.ReminderOf(reminder), reminder),
                ["date"] = dates.Format(due, texts.Language),
            }));
        }

        if (status.TicketId is { } ticketId)
        {
            var state = status.TicketState ?? TicketState.Open.ToText();
            var ticketValues = new Dictionary<string, string>
            {
                ["ticket_id"] = ticketId.ToString(CultureInfo.InvariantCulture),
                ["state"] = texts.RenderOr(StatusTexts.TicketStateOf(state), state),
                ["staff"] = status.TicketHandledBy ?? "—",
                ["date"] = status.TicketOpensAt is { } opens ? dates.Format(opens, texts.Language) : string.Empty,
            };
            var key = status.TicketState == TicketState.Scheduled.ToText() ? StatusTexts.TicketScheduled : StatusTexts.Ticket;
            lines.Add(texts.Render(key, ticketValues));
        }

        return lines;
    }
}
