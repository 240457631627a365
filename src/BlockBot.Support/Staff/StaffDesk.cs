using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Events;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Staff;

/// <summary>
/// The one way staff act on tickets. Every change is a compare-and-set on the ticket's state, so of
/// two people pressing "take" at once exactly one succeeds; the customer hears of each change as an
/// event, and the card shows it. The same person repeating an action that already applied (their press handled
/// again after a crash cut the first handling short) finishes it: the event, under the ticket's delivery id for it,
/// reaches the customer once, and the card is brought up to date.
/// </summary>
public sealed class StaffDesk(
    ITicketRepository tickets,
    IStaffChat staffChat,
    IEventOutbox outbox,
    DateDisplay dates,
    TimeProvider time,
    SupportMetrics metrics,
    ILogger<StaffDesk> logger)
{
    public const int MaxDeclineReasonLength = 500;
    public const int MaxReplyLength = 4000;

    // A compare-and-set that loses to another change is retried against the new state this many times.
    private const int Attempts = 3;

    /// <summary>Scheduled, open and taken tickets, oldest first.</summary>
    public Task<IReadOnlyList<HandoffTicket>> ListActiveAsync(CancellationToken cancellationToken) =>
        tickets.ListActiveAsync(cancellationToken);

    /// <summary>Open → taken.</summary>
    public Task<StaffActionResult> TakeAsync(long ticketId, StaffMember staff, CancellationToken cancellationToken) =>
        ChangeAsync(
            ticketId,
            staff,
            state => state == TicketState.Open,
            (ticket, now) => ticket with { State = TicketState.Taken, HandledBy = staff.DisplayName, TakenAt = now },
            EventNames.StaffTaken,
            new Dictionary<string, string> { [EventValueNames.Staff] = staff.DisplayName },
            TicketState.Taken,
            ticket => $"You took ticket #{ticket.Id}.",
            cancellationToken);

    /// <summary>Open or taken → done. The completion time is what the clearing policy counts for the ticket.</summary>
    public Task<StaffActionResult> DoneAsync(long ticketId, StaffMember staff, CancellationToken cancellationToken) =>
        ChangeAsync(
            ticketId,
            staff,
            TicketStates.IsWorkable,
            (ticket, now) => ticket with { State = TicketState.Done, HandledBy = staff.DisplayName, ClosedAt = now },
            EventNames.StaffDone,
            new Dictionary<string, string> { [EventValueNames.Staff] = staff.DisplayName },
            TicketState.Done,
            ticket => $"Ticket #{ticket.Id} is done.",
            cancellationToken);

    /// <summary>Open or taken → declined, with a reason the customer is told. A declined clearing frees its slot.</summary>
    public Task<StaffActionResult> DeclineAsync(long ticketId, StaffMember staff, string reason, CancellationToken cancellationToken)
    {
        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Task.FromResult(Refused($"A reason is required to decline ticket #{ticketId}."));
        }

        if (trimmed.Length > MaxDeclineReasonLength)
        {
            return Task.FromResult(Refused($"The reason is too long ({trimmed.Length} characters, at most {MaxDeclineReasonLength})."));
        }

        return ChangeAsync(
            ticketId,
            staff,
            TicketStates.IsWorkable,
            (ticket, now) => ticket with { State = TicketState.Declined, HandledBy = staff.DisplayName, DeclineReason = trimmed, ClosedAt = now },
            EventNames.StaffDeclined,
            new Dictionary<string, string> { [EventValueNames.Staff] = staff.DisplayName, [EventValueNames.DeclineReason] = trimmed },
            TicketState.Declined,
            ticket => $"Ticket #{ticket.Id} is declined.",
            cancellationToken);
    }

    /// <summary>Sends the customer a message from staff; only while the ticket is open or taken.</summary>
    public async Task<StaffActionResult> ReplyAsync(long ticketId, StaffMember staff, string text, CancellationToken cancellationToken)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Refused("The reply is empty.");
        }

        if (trimmed.Length > MaxReplyLength)
        {
            return Refused($"The reply is too long ({trimmed.Length} characters, at most {MaxReplyLength}).");
        }

        var ticket = await tickets.GetAsync(ticketId, cancellationToken);
        if (ticket is null)
        {
            return Missing(ticketId);
        }

        if (!ticket.State.IsWorkable())
        {
            return new StaffActionResult(false, $"{Describe(ticket, staff)} Replies go only to open or taken tickets.", ticket);
        }

        await outbox.EnqueueAsync(
            ticket.Customer,
            EventNames.StaffMessage,
            new Dictionary<string, string> { [EventValueNames.Staff] = staff.DisplayName, [EventValueNames.Text] = trimmed },
            deliveryId: null,
            cancellationToken);
        logger.LogInformation("Staff {StaffId} replied on ticket {TicketId}", staff.Id, ticket.Id);
        return new StaffActionResult(true, $"Your reply to ticket #{ticket.Id} is on its way to the customer.", ticket);
    }

    private async Task<StaffActionResult> ChangeAsync(
        long ticketId,
        StaffMember staff,
        Func<TicketState, bool> allowedFrom,
        Func<HandoffTicket, DateTimeOffset, HandoffTicket> change,
        string eventName,
        IReadOnlyDictionary<string, string> eventValues,
        TicketState target,
        Func<HandoffTicket, string> successMessage,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var ticket = await tickets.GetAsync(ticketId, cancellationToken);
            if (ticket is null)
            {
                return Missing(ticketId);
            }

            if (ticket.State == target && ticket.HandledBy == staff.DisplayName)
            {
                logger.LogInformation("Staff {StaffId} repeated {Event} on ticket {TicketId}; finishing what it does", staff.Id, eventName, ticketId);
                await AnnounceAsync(ticket, eventName, eventValues, cancellationToken);
                return new StaffActionResult(true, successMessage(ticket), ticket);
            }

            if (!allowedFrom(ticket.State))
            {
                return new StaffActionResult(false, Describe(ticket, staff), ticket);
            }

            var changed = change(ticket, time.GetUtcNow());
            if (!await tickets.TryChangeStateAsync(changed, ticket.State, cancellationToken))
            {
                if (attempt < Attempts)
                {
                    continue;
                }

                var current = await tickets.GetAsync(ticketId, cancellationToken);
                return current is null ? Missing(ticketId) : new StaffActionResult(false, Describe(current, staff), current);
            }

            logger.LogInformation("Staff {StaffId} moved ticket {TicketId} from {From} to {To}", staff.Id, ticketId, ticket.State, changed.State);
            RecordResolution(changed);
            await AnnounceAsync(changed, eventName, eventValues, cancellationToken);
            return new StaffActionResult(true, successMessage(changed), changed);
        }
    }

    /// <summary>Tells the customer and the card; safe to repeat, so a change a crash left untold is told by repeating it.</summary>
    private async Task AnnounceAsync(HandoffTicket ticket, string eventName, IReadOnlyDictionary<string, string> eventValues, CancellationToken cancellationToken)
    {
        await outbox.EnqueueAsync(ticket.Customer, eventName, eventValues, TicketEvents.DeliveryId(ticket.Id, eventName), cancellationToken);
        await UpdateCardAsync(ticket, cancellationToken);
    }

    private void RecordResolution(HandoffTicket ticket)
    {
        if (ticket is { State: TicketState.Done or TicketState.Declined, ClosedAt: { } closedAt })
        {
            metrics.TicketResolved(ticket.Kind.ToText(), ticket.State.ToText(), closedAt - ticket.OpensAt);
        }
    }

    private async Task UpdateCardAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await staffChat.UpdateTicketAsync(ticket, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The change itself is stored and the customer is told; a stale card is corrected by the next change.
            logger.LogWarning(exception, "Updating the staff card of ticket {TicketId} failed", ticket.Id);
        }
    }

    /// <summary>Why nothing changed, in terms of the ticket's current state.</summary>
    private string Describe(HandoffTicket ticket, StaffMember staff) => ticket.State switch
    {
        TicketState.Scheduled => $"Ticket #{ticket.Id} is scheduled to open on {dates.Format(ticket.OpensAt, Languages.English)}; it cannot be worked on before then.",
        TicketState.Open => $"Ticket #{ticket.Id} is open.",
        TicketState.Taken when ticket.HandledBy == staff.DisplayName => $"You have already taken ticket #{ticket.Id}.",
        TicketState.Taken => $"Ticket #{ticket.Id} is already taken by {ticket.HandledBy}.",
        TicketState.Done => $"Ticket #{ticket.Id} is already done (by {ticket.HandledBy}).",
        TicketState.Declined => $"Ticket #{ticket.Id} was already declined by {ticket.HandledBy}.",
        TicketState.Withdrawn => $"Ticket #{ticket.Id} was withdrawn: the customer erased their data.",
        _ => $"Ticket #{ticket.Id} is {ticket.State.ToText()}.",
    };

    private static StaffActionResult Missing(long ticketId) =>
        new(false, $"Ticket #{ticketId} does not exist (it may have been erased at the customer's request).", null);

    private static StaffActionResult Refused(string message) => new(false, message, null);
}
