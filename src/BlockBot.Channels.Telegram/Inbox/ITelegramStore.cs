using BlockBot.Channels.Telegram.Sending;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// The channel's durable inbox (updates as received, each pending, handled or given up on), its quarantine and the
/// outbox, as the channel needs them; the storage project implements it (ADR 0010). An update's replies enter the
/// outbox together with its handled mark — with its turn (<see cref="TelegramUpdateHandled"/>,
/// <see cref="TelegramMessageQueued"/>) or by <see cref="CompleteAsync"/> — so after a crash an update is either still
/// to handle (and nothing of it was sent) or handled with its replies queued; an update polling handed over unrecorded
/// (ADR 0029) is not there at all until its turn saved it, and Telegram serves it again.
/// </summary>
public interface ITelegramStore
{
    /// <summary>Records updates not seen before; a repeated update id is ignored.</summary>
    /// <returns>How many were new.</returns>
    Task<int> RecordAsync(IReadOnlyCollection<ReceivedUpdate> updates, CancellationToken cancellationToken);

    /// <summary>Keeps an update that cannot be handled, with the reason; an update id quarantined before is ignored.</summary>
    /// <returns>True when it was new.</returns>
    Task<bool> QuarantineAsync(long? updateId, UpdateProblem problem, string payload, CancellationToken cancellationToken);

    /// <summary>The oldest updates waiting to be handled, in update order; ids and chats only, so listing them stays cheap.</summary>
    Task<IReadOnlyList<PendingUpdate>> PendingUpdatesAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The update while it waits to be handled; null once an instance handled it (or gave up on it).</summary>
    Task<StoredUpdate?> FindPendingAsync(long updateId, CancellationToken cancellationToken);

    /// <summary>Where an update polling handed over unrecorded stands (<see cref="HandedOverUpdate"/>): new, recorded meanwhile, finished, or behind an earlier one of its chat.</summary>
    Task<HandedOverStanding> LookAtHandedOverAsync(long updateId, long chatId, CancellationToken cancellationToken);

    /// <summary>True when every recorded update up to this id is handled (or given up on).</summary>
    Task<bool> HandledThroughAsync(long updateId, CancellationToken cancellationToken);

    /// <summary>Marks the update handled and queues what was said for it, atomically (when no turn saved it).</summary>
    Task CompleteAsync(long updateId, IReadOnlyList<Outgoing> replies, CancellationToken cancellationToken);

    /// <summary>Gives up on the update at once (it is quarantined): another attempt would fail the same way.</summary>
    Task GiveUpAsync(long updateId, CancellationToken cancellationToken);

    /// <summary>Counts a failed attempt; past the limit the update is given up on, so one poison update cannot stall its chat.</summary>
    Task FailAsync(long updateId, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Forgets updates finished before <paramref name="oldest"/>; pending ones stay whatever their age.</summary>
    /// <returns>How many were forgotten.</returns>
    Task<int> PruneAsync(DateTimeOffset oldest, CancellationToken cancellationToken);

    /// <summary>Forgets quarantined updates received before <paramref name="oldest"/>.</summary>
    /// <returns>How many were forgotten.</returns>
    Task<int> PruneQuarantineAsync(DateTimeOffset oldest, CancellationToken cancellationToken);

    /// <summary>Queues messages that belong to no turn (relays to the staff chat, refusals there), in their own transaction.</summary>
    Task QueueAsync(IReadOnlyList<Outgoing> messages, CancellationToken cancellationToken);

    /// <summary>The oldest queued rows, in the order they were queued; ids and chats only, so listing them stays cheap.</summary>
    Task<IReadOnlyList<QueuedOutgoing>> PendingOutgoingAsync(int limit, CancellationToken cancellationToken);

    /// <summary>The row's message while it is still to send; null once an instance sent it.</summary>
    Task<Outgoing?> FindQueuedAsync(long outgoingId, CancellationToken cancellationToken);

    /// <summary>Deletes a sent row, returning once it is gone (so the chat's lock can go): the sender calls it after Telegram accepted the message.</summary>
    Task DeleteOutgoingAsync(long id, CancellationToken cancellationToken);
}
