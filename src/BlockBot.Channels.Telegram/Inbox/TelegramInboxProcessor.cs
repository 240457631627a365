using System.Globalization;
using System.Text.Json;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Concurrency;
using BlockBot.Channels.Telegram.Sending;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Handles recorded updates, each chat's in update order, and marks each handled together with queueing
/// its replies. Polling and the webhook only record; this is the one place updates are acted on. A failure that
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

    protected override async Task<bool> HandleAsync(PendingUpdate item, CancellationToken cancellationToken)
    {
        try
        {
            return await HandleOneAsync(item, cancellationToken);
        }
        finally
        {
            Progress.Report();
        }
    }

    private async Task<bool> HandleOneAsync(PendingUpdate pending, CancellationToken cancellationToken)
    {
        // Instances sharing PostgreSQL all see the same pending rows: under the chat's lock, the first handles
        // the update and the others find it handled (ADR 0006). Free, and always pending, with SQLite. This second look
        // also reads the payload, so listing the inbox reads none.
        await using var chatLock = await crossInstance.AcquireAsync(Scope, pending.ChatId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (await store.FindPendingAsync(pending.UpdateId, cancellationToken) is not { } item)
        {
            return true;
        }

        var reading = TelegramUpdateReader.Read(item.Payload);
        if (!reading.IsUsable)
        {
            // Taken in by an earlier version that read it differently.
            await GiveUpAsync(item, reading.Problem);
            return true;
        }

        try
        {
            var update = reading.Update;
            var output = new TurnOutput { UpdateId = item.UpdateId };
            // A turn begun is finished, also when the host is stopping: stopping waits for it (within the host's
            // ShutdownTimeout), so its state and replies are saved together instead of the update being handled again.
            await handler.HandleAsync(update, output, CancellationToken.None);
            if (!output.IsSaved)
            {
                // No customer turn saved it: a staff action, an ignored update, or a failed turn with its apology.
                await store.CompleteAsync(item.UpdateId, output.Items, CancellationToken.None);
            }

            sender.Wake();
            return true;
        }
        catch (Exception e) when (IsTheUpdatesFault(e))
        {
            await GiveUpAsync(item, UpdateProblem.Failed(e));
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(e, "Update {UpdateId} could not be handled (attempt {Attempt} of {MaxAttempts})", item.UpdateId, item.Attempts + 1, MaxAttempts);
            await store.FailAsync(item.UpdateId, MaxAttempts, CancellationToken.None);
            await Task.Delay(TimeSpan.FromSeconds(1 << Math.Min(item.Attempts, 4)), cancellationToken);
            return false;
        }
    }

    /// <summary>
    /// Errors that come from what the update holds (a part missing, a value out of range) and would come again on
    /// every attempt; a database or network error is worth another.
    /// </summary>
    private static bool IsTheUpdatesFault(Exception e) =>
        e is NullReferenceException or ArgumentOutOfRangeException or ArgumentNullException or FormatException
            or InvalidCastException or OverflowException or IndexOutOfRangeException or JsonException;

    private async Task GiveUpAsync(StoredUpdate item, UpdateProblem problem)
    {
        await quarantine.PutAsync(item.UpdateId, problem, item.Payload, CancellationToken.None);
        await store.GiveUpAsync(item.UpdateId, CancellationToken.None);
    }
}
