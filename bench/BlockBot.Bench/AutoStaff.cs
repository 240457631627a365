using System.Collections.Concurrent;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Bench;

/// <summary>
/// Support staff as the bench plays them: every posted card is taken and marked done at once, each on
/// its own task (so staff are never the queue being measured), through <see cref="StaffDesk"/> like
/// the real staff chats do.
/// </summary>
public sealed class AutoStaff(AutoStaffChat chat, StaffDesk desk, ILogger<AutoStaff> logger) : BackgroundService
{
    private static readonly StaffMember Staff = new("bench-staff", "Bench staff");

    private readonly ConcurrentDictionary<string, long> _doneAt = new(StringComparer.Ordinal);
    private long _completed;
    private long _failed;

    /// <summary>From picking the card up to "done" stored: take and done through the desk.</summary>
    public LatencyRecorder TakeAndDone { get; } = new();

    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>When the customer's ticket was stored as done (a <see cref="TimeProvider.GetTimestamp"/> value), if it was.</summary>
    public long? DoneAt(string customerKey) => _doneAt.TryGetValue(customerKey, out var at) ? at : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var working = new List<Task>();
        try
        {
            await foreach (var ticket in chat.Posted.ReadAllAsync(stoppingToken))
            {
                working.RemoveAll(task => task.IsCompleted);
                working.Add(Task.Run(() => CompleteAsync(ticket, stoppingToken), CancellationToken.None));
            }
        }
        finally
        {
            await Task.WhenAll(working);
        }
    }

    private async Task CompleteAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            var result = await desk.TakeAsync(ticket.Id, Staff, cancellationToken);
            if (result.Succeeded)
            {
                result = await desk.DoneAsync(ticket.Id, Staff, cancellationToken);
            }

            if (result.Succeeded)
            {
                _doneAt[ticket.Customer.Key] = TimeProvider.System.GetTimestamp();
                TakeAndDone.Record(TimeProvider.System.GetElapsedTime(started));
                Interlocked.Increment(ref _completed);
            }
            else
            {
                Interlocked.Increment(ref _failed);
                logger.LogWarning("Staff could not complete ticket {TicketId}: {Message}", ticket.Id, result.Message);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The bench is stopping.
        }
        catch (Exception exception)
        {
            Interlocked.Increment(ref _failed);
            logger.LogWarning(exception, "Staff failed on ticket {TicketId}", ticket.Id);
        }
    }
}
