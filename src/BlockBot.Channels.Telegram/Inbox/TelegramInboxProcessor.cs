using System.Globalization;
using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Concurrency;
using BlockBot.Channels.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Handles updates, each chat's in update order, and marks each handled together with queueing its replies: the ones
/// recorded in the inbox, and the ones polling hands over in memory (<see cref="HandOver"/>), which the turn records as
/// it saves them. Polling and the webhook only record or hand over; this is the one place updates are acted on. A failure that
/// another attempt would repeat (the update's own shape) quarantines the update at once; others are retried.
/// </summary>
public sealed class TelegramInboxProcessor(
    ITelegramStore store,
    TelegramUpdateHandler handler,
    TelegramQuarantine quarantine,
    TelegramOutboxSender sender,
    ICrossInstanceLock crossInstance,
    IOptions<TelegramOptions> options,
    ILogger<TelegramInboxProcessor> logger) : OrderedQueueWorker<PendingUpdate, long>(options.Value.ConcurrentChats, logger)
{
    private const int MaxAttempts = 5;

    /// <summary>The <see cref="ICrossInstanceLock"/> scope under which one chat's updates are handled.</summary>
    public const string Scope = "telegram-inbox";

    /// <summary>Completes each time an update is done with, once what was done is saved: the polling loop waits on it.</summary>
    public InboxProgress Progress { get; } = new();

    protected override Task<IReadOnlyList<PendingUpdate>> LoadAsync(int limit, CancellationToken cancellationToken) =>
        store.PendingUpdatesAsync(limit, cancellationToken);

    protected override long KeyOf(PendingUpdate item) => item.ChatId;

    /// <summary>
    /// Takes updates polling has just received to handle at once, from memory, before they are recorded (ADR 0029); each
    /// tells polling through <see cref="HandedOverUpdate.Saved"/> when it may be confirmed. When no turn slot is free, its
    /// chat is being handled already, or the processor is not running, a chat's updates are refused: those are returned,
    /// for polling to record as before.
    /// </summary>
    public IReadOnlyList<HandedOverUpdate> HandOver(IReadOnlyList<HandedOverUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var refused = new List<HandedOverUpdate>();
        foreach (var chat in updates.GroupBy(u => u.Update.ChatId))
        {
            var items = chat.Select(u => new PendingUpdate(u.Update.UpdateId, u.Update.ChatId) { HandedOver = u }).ToList();
            if (!TryHandOver(chat.Key, items))
            {
                refused.AddRange(chat);
            }
        }

        return refused;
    }

    protected override async Task<bool> HandleAsync(PendingUpdate item, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleOneAsync(item, cancellationToken);
        }
        finally
        {
            // Saved on every path that saved it; anything else leaves it to polling to record.
            item.HandedOver?.MarkUnsaved();
            Progress.Report();
        }
    }

    protected override void NotReached(PendingUpdate item) => item.HandedOver?.MarkUnsaved();

    private async Task<bool> HandleOneAsync(PendingUpdate pending, CancellationToken cancellationToken)
    {
        // Instances sharing PostgreSQL all see the same pending rows: under the chat's lock, the first handles
        // the update and the others find it handled (ADR 0006). Free, and always pending, with SQLite. This second look
        // also reads the payload, so listing the inbox reads none; an update handed over has its payload, and the look
        // only tells whether it was handled before or must wait behind an earlier one of its chat.
        await using var chatLock = await crossInstance.AcquireAsync(Scope, pending.ChatId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        var (item, unrecorded) = pending.HandedOver is { } handedOver
            ? await LookAtHandedOverAsync(handedOver, cancellationToken)
            : (await store.FindPendingAsync(pending.UpdateId, cancellationToken), null);
        if (item is null)
        {
            return true;
        }

        var reading = pending.HandedOver is { } read
            ? new UpdateReading(item.UpdateId, read.Read, null)
            : TelegramUpdateReader.Read(item.Payload);
        if (!reading.IsUsable)
        {
            // Taken in by an earlier version that read it differently.
            await GiveUpAsync(item, unrecorded, reading.Problem);
            return true;
        }

        try
        {
            var update = reading.Update;
            // A press's turn is saved before its answer's round trip ends: polling need not wait for that.
            var output = new TurnOutput { UpdateId = item.UpdateId, Unrecorded = unrecorded, OnSaved = pending.HandedOver is { } saved ? saved.MarkSaved : null };
            // A turn begun is finished, also when the host is stopping: stopping waits for it (within the host's
            // ShutdownTimeout), so its state and replies are saved together instead of the update being handled again.
            await handler.HandleAsync(update, output, CancellationToken.None);
            if (!output.IsSaved)
            {
                // No customer turn saved it: a staff action, an ignored update, or a failed turn with its apology.
                await RecordAsync(unrecorded);
                await store.CompleteAsync(item.UpdateId, output.Items, CancellationToken.None);
            }

            pending.HandedOver?.MarkSaved();
            sender.Wake();
            return true;
        }
        catch (Exception e) when (IsTheUpdatesFault(e))
        {
            await GiveUpAsync(item, unrecorded, UpdateProblem.Failed(e));
            pending.HandedOver?.MarkSaved();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Update {UpdateId} could not be handled (attempt {Attempt} of {MaxAttempts})", item.UpdateId, item.Attempts + 1, MaxAttempts);
            await RecordAsync(unrecorded);
            await store.FailAsync(item.UpdateId, MaxAttempts, CancellationToken.None);
            pending.HandedOver?.MarkSaved();
            await Task.Delay(TimeSpan.FromSeconds(1 << Math.Min(item.Attempts, 4)), cancellationToken);
            return false;
        }
    }

    /// <returns>
    /// The update to handle, with what is to be recorded of it when it was never recorded; no update when Telegram sent
    /// it again after it was handled, or when an earlier update of its chat waits in the inbox (then it is recorded to
    /// follow that one).
    /// </returns>
    private async Task<(StoredUpdate? Item, ReceivedUpdate? Unrecorded)> LookAtHandedOverAsync(HandedOverUpdate handedOver, CancellationToken cancellationToken)
    {
        var update = handedOver.Update;
        var standing = await store.LookAtHandedOverAsync(update.UpdateId, update.ChatId, cancellationToken);
        if (standing.IsFinished)
        {
            handedOver.MarkSaved();
            return (null, null);
        }

        if (standing.EarlierPending)
        {
            await store.RecordAsync([update], cancellationToken);
            handedOver.MarkSaved();
            Wake();
            return (null, null);
        }

        return (new StoredUpdate(update.UpdateId, update.ChatId, update.Payload, standing.Attempts), standing.State is null ? update : null);
    }

    private Task RecordAsync(ReceivedUpdate? unrecorded) =>
        unrecorded is null ? Task.CompletedTask : store.RecordAsync([unrecorded], CancellationToken.None);

    /// <summary>
    /// Errors that come from what the update holds (a part missing, a value out of range) and would come again on
    /// every attempt; a database or network error is worth another.
    /// </summary>
    private static bool IsTheUpdatesFault(Exception e) =>
        e is NullReferenceException or ArgumentOutOfRangeException or ArgumentNullException or FormatException
            or InvalidCastException or OverflowException or IndexOutOfRangeException or JsonException;

    private async Task GiveUpAsync(StoredUpdate item, ReceivedUpdate? unrecorded, UpdateProblem problem)
    {
        await RecordAsync(unrecorded);
        await quarantine.PutAsync(item.UpdateId, problem, item.Payload, CancellationToken.None);
        await store.GiveUpAsync(item.UpdateId, CancellationToken.None);
    }
}
