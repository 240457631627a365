using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Conversation.Turns;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// <see cref="ITelegramStore"/> over the durable inbox (<c>telegram_update</c>), its quarantine
/// (<c>telegram_quarantine</c>) and the outbox (<c>telegram_outbox</c>) in the shared database (SQLite or PostgreSQL).
/// The two writes made for every update — recording it, deleting its sent replies — go through the turn store
/// (<see cref="TelegramUpdatesReceived"/>, <see cref="TelegramOutgoingSent"/>), so on SQLite they share the commits
/// of the turns (ADR 0010, ADR 0016) instead of fighting them for the write lock with an fsync each.
/// </summary>
public sealed class SqlTelegramStore(IDbConnectionFactory connections, ITurnStore turns, TimeProvider time) : ITelegramStore
{
    private readonly OutboxDeletes _deletes = new(turns);

    /// <summary>Records updates not seen before; a repeated update id is ignored. Returns once they are committed.</summary>
    /// <returns>How many were new.</returns>
    public async Task<int> RecordAsync(IReadOnlyCollection<ReceivedUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        var received = new TelegramUpdatesReceived(updates);
        var work = new TurnUnitOfWork();
        work.Add(received);
        await turns.SaveAsync(work, cancellationToken);
        return received.Added;
    }

    /// <summary>Keeps an update that cannot be handled, with the reason; an update id quarantined before is ignored.</summary>
    /// <returns>True when it was new.</returns>
    public async Task<bool> QuarantineAsync(long? updateId, UpdateProblem problem, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO telegram_quarantine (update_id, reason, payload, received_at)
            VALUES (@UpdateId, @Reason, @Payload, @Now)
            ON CONFLICT (update_id) DO NOTHING
            """,
            new { UpdateId = updateId, Reason = problem.ToString(), Payload = payload, Now = Now() },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<PendingUpdate>> PendingUpdatesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long UpdateId, long ChatId)>(new CommandDefinition(
            "SELECT update_id, chat_id FROM telegram_update WHERE state = 'received' ORDER BY update_id LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new PendingUpdate(r.UpdateId, r.ChatId)).ToList();
    }

    /// <summary>The update while it waits to be handled; null once an instance handled it (or gave up on it).</summary>
    public async Task<StoredUpdate?> FindPendingAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long UpdateId, long ChatId, string Payload, long Attempts)>(new CommandDefinition(
            "SELECT update_id, chat_id, payload, attempts FROM telegram_update WHERE update_id = @UpdateId AND state = 'received'",
            new { UpdateId = updateId },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredUpdate(r.UpdateId, r.ChatId, r.Payload, (int)r.Attempts)).FirstOrDefault();
    }

    /// <summary>Where an update polling handed over unrecorded stands: its own row, if any, and whether an earlier update of its chat waits.</summary>
    public async Task<HandedOverStanding> LookAtHandedOverAsync(long updateId, long chatId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (state, attempts, earlier) = await connection.QuerySingleAsync<(string? State, long? Attempts, long Earlier)>(new CommandDefinition(
            """
            SELECT (SELECT state FROM telegram_update WHERE update_id = @UpdateId),
                   (SELECT attempts FROM telegram_update WHERE update_id = @UpdateId),
                   CASE WHEN EXISTS (SELECT 1 FROM telegram_update WHERE state = 'received' AND update_id < @UpdateId AND chat_id = @ChatId)
                        THEN 1 ELSE 0 END
            """,
            new { UpdateId = updateId, ChatId = chatId },
            cancellationToken: cancellationToken));
        return new HandedOverStanding(state, (int)(attempts ?? 0), earlier != 0);
    }

    /// <summary>The row's message while it is still to send; null once an instance sent it.</summary>
    public async Task<Outgoing?> FindQueuedAsync(long outgoingId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var payload = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            "SELECT payload FROM telegram_outbox WHERE id = @Id",
            new { Id = outgoingId },
            cancellationToken: cancellationToken));
        return payload is null ? null : TelegramRows.ReadOutgoing(payload);
    }

    /// <summary>True when every recorded update up to this id is handled (or given up on).</summary>
    public async Task<bool> HandledThroughAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM telegram_update WHERE state = 'received' AND update_id <= @UpdateId",
            new { UpdateId = updateId },
            cancellationToken: cancellationToken)) == 0;
    }

    /// <summary>Marks the update handled and queues what was said for it, atomically.</summary>
    public async Task CompleteAsync(long updateId, IReadOnlyList<Outgoing> replies, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TelegramRows.QueueAsync(connection, transaction, replies, Now(), cancellationToken);
        await TelegramRows.MarkHandledAsync(connection, transaction, updateId, Now(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Queues messages that belong to no turn (relays to the staff chat, refusals there), in their own transaction.</summary>
    public async Task QueueAsync(IReadOnlyList<Outgoing> messages, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await TelegramRows.QueueAsync(connection, transaction, messages, Now(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Forgets updates finished before <paramref name="oldest"/>; pending ones stay whatever their age.</summary>
    /// <returns>How many were forgotten.</returns>
    public async Task<int> PruneAsync(DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM telegram_update WHERE state <> 'received' AND received_at < @Oldest",
            new { Oldest = TelegramRows.TimeText(oldest) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Forgets quarantined updates received before <paramref name="oldest"/>.</summary>
    /// <returns>How many were forgotten.</returns>
    public async Task<int> PruneQuarantineAsync(DateTimeOffset oldest, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM telegram_quarantine WHERE received_at < @Oldest",
            new { Oldest = TelegramRows.TimeText(oldest) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Gives up on the update at once (it is quarantined): another attempt would fail the same way.</summary>
    public async Task GiveUpAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE telegram_update SET state = 'failed', attempts = attempts + 1, handled_at = @Now WHERE update_id = @UpdateId",
            new { UpdateId = updateId, Now = Now() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Counts a failed attempt; past the limit the update is given up on, so one poison update cannot stall its chat.</summary>
    public async Task FailAsync(long updateId, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE telegram_update
            SET attempts = attempts + 1, state = CASE WHEN attempts + 1 >= @Max THEN 'failed' ELSE state END
            WHERE update_id = @UpdateId
            """,
            new { UpdateId = updateId, Max = maxAttempts },
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<QueuedOutgoing>> PendingOutgoingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long ChatId)>(new CommandDefinition(
            "SELECT id, chat_id FROM telegram_outbox ORDER BY id LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new QueuedOutgoing(r.Id, r.ChatId)).ToList();
    }

    /// <summary>Deletes a sent row; returns once it is gone. Rows sent at the same time go in one statement.</summary>
    public Task DeleteOutgoingAsync(long id, CancellationToken cancellationToken) => _deletes.DeleteAsync(id, cancellationToken);

    private string Now() => TelegramRows.TimeText(time.GetUtcNow());
}
