using System.Threading.Channels;

namespace BlockBot.Bench.WebChat;

/// <summary>
/// One visitor of <c>/chat</c> going through the first-block path, as <see cref="SimulatedCustomer"/> does on the bench's
/// own channel but over Direct Line: each message is posted and its turn timed until the bot's last reply to it has
/// arrived on the stream; between the turns the visitor waits, page open, for staff and the reminder.
/// </summary>
public sealed class WebCustomer(
    HttpClient http,
    AutoStaff staff,
    ProcedureReplies replies,
    BenchMeasurements measurements,
    WebChatFigures figures,
    BenchOptions options,
    string line)
{
    private string _doing = "opening the chat";
    private string _conversationId = "(not started)";

    public async Task<CustomerOutcome> RunAsync(CancellationToken runToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(runToken);
        timeout.CancelAfter(options.ConversationTimeout);
        var cancellationToken = timeout.Token;
        var started = TimeProvider.System.GetTimestamp();
        DirectLineVisitor? visitor = null;
        try
        {
            visitor = await DirectLineVisitor.OpenAsync(http, figures.Errors, cancellationToken);
            _conversationId = visitor.ConversationId;
            figures.Start.Record(TimeProvider.System.GetElapsedTime(started, await ExpectAsync(visitor.Replies, replies.AfterStart, cancellationToken)));

            await SayAsync(visitor, "menu: 1 (blocked)", "1", replies.AfterBlocked, cancellationToken);
            await SayAsync(visitor, "line name", line, replies.AfterLine, cancellationToken);
            await SayAsync(visitor, "not repeated", "нет", replies.AfterNotRepeated, cancellationToken);
            await SayAsync(visitor, "no CRM mailing (opens the case)", "нет", replies.AfterNoCrm, cancellationToken);

            await SayAsync(visitor, "unblocked (posts the ticket)", "1", replies.AfterUnblocked, cancellationToken);
            var ticketPosted = TimeProvider.System.GetTimestamp();
            var told = await ExpectAsync(visitor.Replies, replies.StaffTakenAndDone, cancellationToken);
            measurements.StaffRoundTrip.Record(TimeProvider.System.GetElapsedTime(ticketPosted, told));
            if (await staff.DoneToToldAsync($"{BlockBot.Channels.WebChat.WebChatAdapter.Channel}:{visitor.ConversationId}", told, cancellationToken) is { } doneToTold)
            {
                measurements.StaffDoneToCustomer.Record(doneToTold);
            }

            var connected = TimeProvider.System.GetTimestamp();
            await SayAsync(visitor, "connected (schedules the reminder)", "Подключили", replies.AfterConnected, cancellationToken);
            var reminded = await ExpectAsync(visitor.Replies, replies.ChatsOnlyEnd, cancellationToken);
            var late = TimeProvider.System.GetElapsedTime(connected, reminded) - TimeSpan.FromSeconds(options.PeriodsSeconds);
            measurements.ReminderDelay.Record(late < TimeSpan.Zero ? TimeSpan.Zero : late);

            var elapsed = TimeProvider.System.GetElapsedTime(started);
            measurements.Procedure.Record(elapsed);
            return new CustomerOutcome(_conversationId, elapsed, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var why = runToken.IsCancellationRequested ? "the run's time was up" : "timed out";
            return new CustomerOutcome(_conversationId, TimeProvider.System.GetElapsedTime(started), $"{why} while {_doing}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return new CustomerOutcome(_conversationId, TimeProvider.System.GetElapsedTime(started), $"{exception.GetType().Name} while {_doing}: {exception.Message}");
        }
        finally
        {
            if (visitor is not null)
            {
                await visitor.DisposeAsync();
            }
        }
    }

    private async Task SayAsync(DirectLineVisitor visitor, string step, string text, IReadOnlyList<ReplyPattern> expected, CancellationToken cancellationToken)
    {
        _doing = $"posting '{text}'";
        var sent = TimeProvider.System.GetTimestamp();
        await visitor.PostAsync(text, cancellationToken);
        figures.Post.Record(TimeProvider.System.GetElapsedTime(sent));
        var answered = await ExpectAsync(visitor.Replies, expected, cancellationToken);
        measurements.RecordTurn(step, TimeProvider.System.GetElapsedTime(sent, answered));
    }

    /// <summary>
    /// Reads the bot's messages until each expected one has come; returns when the last of them arrived. A message that
    /// matches none is counted as unexpected and skipped; an expected one that overtakes another is counted as out of order.
    /// </summary>
    private async Task<long> ExpectAsync(ChannelReader<BotReply> inbox, IReadOnlyList<ReplyPattern> expected, CancellationToken cancellationToken)
    {
        var pending = expected.ToList();
        var inOrder = true;
        var last = TimeProvider.System.GetTimestamp();
        while (pending.Count > 0)
        {
            _doing = $"waiting for {pending[0]}";
            if (!await inbox.WaitToReadAsync(cancellationToken))
            {
                throw new InvalidOperationException("the stream ended");
            }

            var reply = await inbox.ReadAsync(cancellationToken);
            var index = pending.FindIndex(p => p.Matches(reply.Text));
            if (index < 0)
            {
                measurements.AddUnexpected(reply.Text);
                continue;
            }

            if (index > 0 && inOrder)
            {
                inOrder = false;
                measurements.AddOutOfOrder(pending[index], pending[0]);
            }

            pending.RemoveAt(index);
            last = reply.ArrivedAt;
        }

        return last;
    }
}
