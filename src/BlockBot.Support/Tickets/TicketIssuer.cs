using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Policy;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Logging;

namespace BlockBot.Support.Tickets;

/// <summary>Creates handoff tickets: clearings under the clearing policy, general questions at once.</summary>
public sealed class TicketIssuer(
    ITicketRepository tickets,
    ClearingPolicy policy,
    IStaffChat staffChat,
    TicketOpenings openings,
    TimeProvider time,
    ILogger<TicketIssuer> logger)
{
    /// <summary>
    /// Opens the clearing now when the policy allows it, else stores it as scheduled for the earliest
    /// allowed moment. A clearing of the same kind for the line that is still active is returned instead
    /// of a second one, so going through the dialog again never doubles the work or uses up a slot; if that one is
    /// open but its card never reached the staff chat (a crash came in between), it is posted now.
    /// </summary>
    public async Task<HandoffTicket> RequestClearingAsync(ClearingRequest request, CancellationToken cancellationToken)
    {
        if (!request.Kind.IsClearing())
        {
            throw new ArgumentException($"A clearing request needs kind {TicketKinds.QueueClearing} or {TicketKinds.VmChange}.", nameof(request));
        }

        var lineTickets = await tickets.ListForLineAsync(request.Customer, request.Line, cancellationToken);
        if (lineTickets.FirstOrDefault(t => t.Kind == request.Kind && t.State.IsActive()) is { } pending)
        {
            logger.LogInformation("Clearing for case {CaseId} reuses active ticket {TicketId}", request.CaseId, pending.Id);
            return await PostIfUnseenAsync(pending, cancellationToken);
        }

        var now = time.GetUtcNow();
        var slots = lineTickets.Where(t => t.HoldsClearingSlot).Select(t => t.ClearingTime).ToList();
        var opensAt = policy.EarliestAllowed(slots, now);
        var state = opensAt <= now ? TicketState.Open : TicketState.Scheduled;
        var ticket = await tickets.AddAsync(
            new HandoffTicket
            {
                Id = 0,
                Kind = request.Kind,
                State = state,
                Customer = request.Customer,
                CaseId = request.CaseId,
                Line = request.Line.Trim(),
                CrmMarketing = request.CrmMarketing,
                Repeated = request.Repeated,
                CustomerLanguage = request.Language,
                CreatedAt = now,
                OpensAt = opensAt,
            },
            cancellationToken);
        logger.LogInformation("Ticket {TicketId} ({Kind}) for case {CaseId} is {State}, opening {OpensAt}",
            ticket.Id, request.Kind, request.CaseId, state, opensAt);

        if (state == TicketState.Open)
        {
            return await PostAsync(ticket, cancellationToken);
        }

        await openings.ScheduleAsync(ticket.Id, opensAt, cancellationToken);
        return ticket;
    }

    /// <summary>Opens a general-question ticket at once, or returns the customer's one that is still open or taken.</summary>
    public async Task<HandoffTicket> OpenGeneralQuestionAsync(
        CustomerId customer,
        string language,
        long? caseId,
        string? line,
        CancellationToken cancellationToken)
    {
        var existing = (await tickets.ListForCustomerAsync(customer, cancellationToken))
            .FirstOrDefault(t => t.Kind == TicketKind.GeneralQuestion && t.State.IsWorkable());
        if (existing is not null)
        {
            return await PostIfUnseenAsync(existing, cancellationToken);
        }

        var now = time.GetUtcNow();
        var ticket = await tickets.AddAsync(
            new HandoffTicket
            {
                Id = 0,
                Kind = TicketKind.GeneralQuestion,
                State = TicketState.Open,
                Customer = customer,
                CaseId = caseId,
                Line = line,
                CrmMarketing = null,
                Repeated = null,
                CustomerLanguage = language,
                CreatedAt = now,
                OpensAt = now,
            },
            cancellationToken);
        logger.LogInformation("Ticket {TicketId} (general question) opened", ticket.Id);
        return await PostAsync(ticket, cancellationToken);
    }

    private Task<HandoffTicket> PostIfUnseenAsync(HandoffTicket ticket, CancellationToken cancellationToken) =>
        ticket is { State: TicketState.Open, StaffMessageRef: null } ? PostAsync(ticket, cancellationToken) : Task.FromResult(ticket);

    private async Task<HandoffTicket> PostAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        try
        {
            var reference = await staffChat.PostTicketAsync(ticket, cancellationToken);
            await tickets.SetStaffMessageRefAsync(ticket.Id, reference, cancellationToken);
            return ticket with { StaffMessageRef = reference };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The ticket is stored; the opening job posts it (with retries), so the customer's turn goes on.
            logger.LogWarning(exception, "Posting ticket {TicketId} to the staff chat failed; it will be posted in the background", ticket.Id);
            await openings.ScheduleAsync(ticket.Id, time.GetUtcNow(), cancellationToken);
            return ticket;
        }
    }
}
