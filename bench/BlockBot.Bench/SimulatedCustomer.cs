using System.Threading.Channels;
using Microsoft.Bot.Schema;

namespace BlockBot.Bench;

/// <summary>
/// One customer going through the first-block path: each message is sent, its turn awaited and its
/// replies checked against the dialogs; between the turns the customer waits for staff and the reminder, and with
/// <see cref="BenchOptions.ThinkSeconds"/> thinks before each message (the first too, so arrivals spread out).
/// The customer's conversation opens when the customer is created and closes when the run ends.
/// </summary>
public sealed class SimulatedCustomer(
    BenchAdapter adapter,
    AutoStaff staff,
    ProcedureReplies replies,
    BenchMeasurements measurements,
    BenchOptions options,
    string userId,
    string line)
{
    private readonly ChannelReader<Activity> _inbox = adapter.Open(userId);
    private string _doing = "starting";

    public async Task<CustomerOutcome> RunAsync(CancellationToken runToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        timeout.CancelAfter(options.ConversationTimeout);
        var cancellationToken = timeout.Token;
        var started = TimeProvider.System.GetTimestamp();
        try
        {
            await SayAsync("/start", "/start", replies.AfterStart, cancellationToken);
            await SayAsync("menu: 1 (blocked)", "1", replies.AfterBlocked, cancellationToken);
            await SayAsync("line name", line, replies.AfterLine, cancellationToken);
            await SayAsync("not repeated", "нет", replies.AfterNotRepeated, cancellationToken);
            await SayAsync("no CRM mailing (opens the case)", "нет", replies.AfterNoCrm, cancellationToken);

            await SayAsync("unblocked (posts the ticket)", "1", replies.AfterUnblocked, cancellationToken);
            var ticketPosted = TimeProvider.System.GetTimestamp();
            await ExpectAsync(replies.StaffTakenAndDone, cancellationToken);
            var told = TimeProvider.System.GetTimestamp();
            measurements.StaffRoundTrip.Record(TimeProvider.System.GetElapsedTime(ticketPosted, told));
            if (await staff.DoneToToldAsync($"{BenchAdapter.ChannelName}:{userId}", told, cancellationToken) is { } doneToTold)
            {
                measurements.StaffDoneToCustomer.Record(doneToTold);
            }

            var connected = await SayAsync("connected (schedules the reminder)", "Подключили", replies.AfterConnected, cancellationToken);
            await ExpectAsync(replies.ChatsOnlyEnd, cancellationToken);
            var late = TimeProvider.System.GetElapsedTime(connected) - TimeSpan.FromSeconds(options.PeriodsSeconds);
            measurements.ReminderDelay.Record(late < TimeSpan.Zero ? TimeSpan.Zero : late);

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            measurements.Procedure.Record(elapsed);
            return new CustomerOutcome(userId, elapsed, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var why = runToken.IsCancellationRequested ? "the run's time was up" : "timed out";
            return new CustomerOutcome(userId, TimeProvider.System.GetElapsedTime(started), $"{why} while {_doing}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new CustomerOutcome(userId, TimeProvider.System.GetElapsedTime(started), $"{exception.GetType().Name} while {_doing}: {exception.Message}");
        }
        finally
        {
            adapter.Close(userId);
        }
    }

    /// <returns>When the message was sent (a <see cref="TimeProvider.GetTimestamp"/> value), after the thinking.</returns>
    private async Task<long> SayAsync(string step, string text, IReadOnlyList<ReplyPattern> expected, CancellationToken cancellationToken)
    {
        if (options.ThinkSeconds > 0)
        {
            _doing = $"thinking before '{text}'";
            await Task.Delay(TimeSpan.FromSeconds(options.ThinkSeconds * (0.5 + Random.Shared.NextDouble())), cancellationToken);
        }

        _doing = $"sending '{text}'";
        var sent = TimeProvider.System.GetTimestamp();
        await adapter.SendAsync(userId, text, cancellationToken);
        measurements.RecordTurn(step, TimeProvider.System.GetElapsedTime(sent));
        await ExpectAsync(expected, cancellationToken);
        return sent;
    }

    /// <summary>
    /// Reads the bot's messages until each expected one has come. A message that matches none is counted as
    /// unexpected and skipped; an expected one that overtakes another is counted as out of order.
    /// </summary>
    private async Task ExpectAsync(IReadOnlyList<ReplyPattern> expected, CancellationToken cancellationToken)
    {
        var pending = expected.ToList();
        var inOrder = true;
        while (pending.Count > 0)
        {
            _doing = $"waiting for {pending[0]}";
            var message = await _inbox.ReadAsync(cancellationToken);
            var text = message.Text ?? string.Empty;
            var index = pending.FindIndex(p => p.Matches(text));
            if (index < 0)
            {
                measurements.AddUnexpected(text);
                continue;
            }

            if (index > 0 && inOrder)
            {
                inOrder = false;
                measurements.AddOutOfOrder(pending[index], pending[0]);
            }

            pending.RemoveAt(index);
        }
    }
}
