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

    // The moment "done" was stored; null when staff's calls failed, so a customer told anyway has nothing to measure from.
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long?>> _doneAt = new(StringComparer.Ordinal);
    private long _completed;
    private long _failed;

    /// <summary>From picking the card up to "done" stored: take and done through the desk.</summary>
    public LatencyRecorder TakeAndDone { get; } = new();

    public long Completed => Interlocked.Read(ref _completed);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>
    /// From the customer's ticket stored as done (when the desk's call returned to staff) to <paramref name="told"/>, a
    /// <see cref="TimeProvider.GetTimestamp"/> value. Waits for the first: the customer can be told before the desk's call
    /// returns, which counts as no wait at all. Null when staff's calls failed.
    /// </summary>
    public async Task<TimeSpan?> DoneToToldAsync(string customerKey, long told, CancellationToken cancellationToken)
    {
        var done = await DoneAt(customerKey).Task.WaitAsync(cancellationToken);
        return done is not { } stored ? null : told > stored ? TimeProvider.System.GetElapsedTime(stored, told) : TimeSpan.Zero;
    }

    private TaskCompletionSource<long?> DoneAt(string customerKey) =>
        _doneAt.GetOrAdd(customerKey, static _ => new TaskCompletionSource<long?>(TaskCreationOptions.RunContinuationsAsynchronously));

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
                DoneAt(ticket.Customer.Key).TrySetResult(TimeProvider.System.GetTimestamp());
                TakeAndDone.Record(TimeProvider.System.GetElapsedTime(started));
                Interlocked.Increment(ref _completed);
            }
            else
            {
                DoneAt(ticket.Customer.Key).TrySetResult(null);
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
            DoneAt(ticket.Customer.Key).TrySetResult(null);
            Interlocked.Increment(ref _failed);
            logger.LogWarning(exception, "Staff failed on ticket {TicketId}", ticket.Id);
        }
    }
}
