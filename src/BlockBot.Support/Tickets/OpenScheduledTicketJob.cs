using System.Globalization;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Events;
using BlockBot.Support.Scheduling;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Logging;
using Quartz;

namespace BlockBot.Support.Tickets;

/// <summary>
/// Opens a scheduled ticket at its date: scheduled → open, tells the customer (<c>ticket_opened</c>) and
/// posts the card. Also finishes posting for an open ticket whose card could not be posted before. Each
/// step checks what is already done, so a retry or a recovery after a crash picks up where it stopped.
/// </summary>
public sealed class OpenScheduledTicketJob(
    ITicketRepository tickets,
    IStaffChat staffChat,
    IEventOutbox outbox,
    TimeProvider time,
    ILogger<OpenScheduledTicketJob> logger) : IJob
{
    internal const string TicketIdKey = "ticket_id";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(context.MergedJobDataMap.GetString(TicketIdKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticketId))
        {
            logger.LogError("Ticket job {JobKey} has no ticket id and is dropped", context.JobDetail.Key);
            return;
        }

        try
        {
            await OpenAsync(ticketId, cancellationToken);
        }
        catch (Exception exception)
        {
            var retryAt = await JobRetry.ScheduleNextAttemptAsync(context, time);
            if (retryAt is null)
            {
                logger.LogError(exception, "Opening ticket {TicketId} failed on attempt {Attempt}, the last one", ticketId, JobRetry.Attempt(context));
            }
            else
            {
                logger.LogWarning(exception, "Opening ticket {TicketId} failed on attempt {Attempt}; next attempt at {RetryAt}",
                    ticketId, JobRetry.Attempt(context), retryAt);
            }
        }
    }

    private async Task OpenAsync(long ticketId, CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(ticketId, cancellationToken);
        if (ticket is null)
        {
            logger.LogInformation("Ticket {TicketId} no longer exists; nothing to open", ticketId);
            return;
        }

        if (ticket.State == TicketState.Scheduled)
        {
            // Queued before the state changes: a crash in between queues it again, and its delivery id makes it arrive once.
            await outbox.EnqueueAsync(
                ticket.Customer,
                EventNames.TicketOpened,
                new Dictionary<string, string> { [EventValueNames.TicketId] = ticket.Id.ToString(CultureInfo.InvariantCulture) },
                TicketEvents.DeliveryId(ticket.Id, EventNames.TicketOpened),
                cancellationToken);

            var opened = ticket with { State = TicketState.Open, OpensAt = time.GetUtcNow() };
            if (await tickets.TryChangeStateAsync(opened, TicketState.Scheduled, cancellationToken))
            {
                logger.LogInformation("Ticket {TicketId} opened at its scheduled date", ticketId);
                ticket = opened;
            }
            else
            {
                ticket = await tickets.GetAsync(ticketId, cancellationToken);
            }
        }

        if (ticket is { State: TicketState.Open, StaffMessageRef: null })
        {
            var reference = await staffChat.PostTicketAsync(ticket, cancellationToken);
            await tickets.SetStaffMessageRefAsync(ticket.Id, reference, cancellationToken);
        }
    }
}
