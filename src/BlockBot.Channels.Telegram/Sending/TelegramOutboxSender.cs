using System.Collections.Concurrent;
using System.Globalization;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Concurrency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Channels.Telegram.Sending;

/// <summary>
/// Sends what the outbox holds, through the one limiter, each chat's messages in order; a row is deleted
/// once Telegram accepted it. Network failures and server errors are retried with backoff; a chat that
/// refuses the bot (blocked it, was deleted) gets its message dropped with a log line. The retry is <see cref="SendRetry"/>.
/// </summary>
public sealed class TelegramOutboxSender(
    ITelegramStore store,
    ITelegramBotClient bot,
    TelegramSendLimiter limiter,
    ICrossInstanceLock crossInstance,
    IOptions<TelegramOptions> options,
    ILogger<TelegramOutboxSender> logger) : OrderedQueueWorker<QueuedOutgoing, long>(options.Value.ConcurrentSends, logger)
{
    private readonly ResiliencePipeline _retry = SendRetry.Create(logger);

    // Rows sent whose deletes have not committed yet, by row id.
    private readonly ConcurrentDictionary<long, Task> _deleting = new();

    /// <summary>The <see cref="ICrossInstanceLock"/> scope under which one chat's messages are sent.</summary>
    public const string Scope = "telegram-outbox";

    protected override Task<IReadOnlyList<QueuedOutgoing>> LoadAsync(int limit, CancellationToken cancellationToken) =>
        store.PendingOutgoingAsync(limit, cancellationToken);

    protected override long KeyOf(QueuedOutgoing item) => item.ChatId;

    protected override async Task<bool> HandleAsync(QueuedOutgoing item, CancellationToken cancellationToken)
    {
        // A row sent and not yet deleted is listed again by a read made meanwhile: its delete is waited for, so the
        // second look below does not find it.
        if (_deleting.TryGetValue(item.Id, out var deleting))
        {
            await deleting;
        }

        // As in the inbox: across instances, the chat's lock and a second look keep each row sent once (ADR 0006). The
        // second look also reads the message, so listing the queue reads no payloads.
        var chatLock = await crossInstance.AcquireAsync(Scope, item.ChatId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        Task deleted;
        try
        {
            if (!await SendOnceAsync(item, cancellationToken))
            {
                await chatLock.DisposeAsync();
                return true;
            }

            deleted = DeleteAsync(item);
        }
        catch
        {
            await chatLock.DisposeAsync();
            throw;
        }

        // The chat's next message goes while this row's delete commits (ADR 0019); the chat's lock, which other
        // instances wait for, is held until the row is gone.
        _ = ReleaseWhenDeletedAsync(deleted, chatLock);
        return true;
    }

    /// <summary>Waits for the rows sent whose deletes still run, so a stop leaves none of them to send again.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_deleting.Values).WaitAsync(cancellationToken);
    }

    /// <returns>False when the row was sent already (by another instance, or before a read that listed it again).</returns>
    private async Task<bool> SendOnceAsync(QueuedOutgoing item, CancellationToken cancellationToken)
    {
        if (await store.FindQueuedAsync(item.Id, cancellationToken) is not { } outgoing)
        {
            return false;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SendRetry.ChatId, item.ChatId);
        try
        {
            await _retry.ExecuteAsync(
                static (context, state) => new ValueTask(state.Limiter.SendAsync(state.Item.ChatId, SendPriority.Queued, token => state.Sender.SendAsync(state.Outgoing, token), context.CancellationToken)),
                context,
                (Sender: this, Limiter: limiter, Item: item, Outgoing: outgoing));
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403 && outgoing.Kind == OutgoingKind.RemoveKeyboard)
        {
            // "message is not modified" or too old to edit: the buttons are gone or cannot go; nothing to retry.
            logger.LogDebug("Removing buttons in chat {ChatId} was refused: {Reason}", item.ChatId, e.Message);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            logger.LogWarning("Telegram refused a message to chat {ChatId} ({ErrorCode}: {Reason}); it is dropped", item.ChatId, e.ErrorCode, e.Message);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        return true;
    }

    /// <summary>Deletes the sent row; never throws: a row whose delete failed stays queued and is looked at again.</summary>
    private Task DeleteAsync(QueuedOutgoing item)
    {
        var deleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _deleting[item.Id] = deleted.Task;
        // On a thread of its own: SQLite's commands run synchronously, so awaited here the commit would run before the
        // chat's next send after all.
        _ = Task.Run(RunAsync, CancellationToken.None);
        return deleted.Task;

        async Task RunAsync()
        {
            try
            {
                await store.DeleteOutgoingAsync(item.Id, CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Deleting sent row {OutgoingId} of chat {ChatId} failed; it stays queued", item.Id, item.ChatId);
            }
            finally
            {
                _deleting.TryRemove(item.Id, out _);
                deleted.SetResult();
            }
        }
    }

    private static async Task ReleaseWhenDeletedAsync(Task deleted, IAsyncDisposable chatLock)
    {
        await deleted;
        await chatLock.DisposeAsync();
    }

    private Task SendAsync(Outgoing outgoing, CancellationToken cancellationToken) => outgoing.Kind switch
    {
        OutgoingKind.RemoveKeyboard => bot.EditMessageReplyMarkup(outgoing.ChatId, outgoing.MessageId!.Value, replyMarkup: null, cancellationToken: cancellationToken),
        _ => bot.SendMessage(
            outgoing.ChatId,
            TelegramText.Html(outgoing.Text ?? string.Empty),
            parseMode: ParseMode.Html,
            replyMarkup: TelegramKeyboards.Inline(outgoing.Buttons),
            replyParameters: outgoing.ReplyTo is { } replyTo ? new ReplyParameters { MessageId = replyTo, AllowSendingWithoutReply = true } : null,
            cancellationToken: cancellationToken),
    };
}
