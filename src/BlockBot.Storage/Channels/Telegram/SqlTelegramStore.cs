using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;
using Dapper;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// <see cref="ITelegramStore"/> over the durable inbox (<c>telegram_update</c>), its quarantine
/// (<c>telegram_quarantine</c>) and the outbox (<c>telegram_outbox</c>) in the shared database (SQLite or PostgreSQL).
/// </summary>
public sealed class SqlTelegramStore(IDbConnectionFactory connections, TimeProvider time) : ITelegramStore
{
    private readonly OutboxDeletes _deletes = new(connections);

    /// <summary>Records updates not seen before; a repeated update id is ignored.</summary>
    /// <returns>How many were new.</returns>
    public async Task<int> RecordAsync(IReadOnlyCollection<ReceivedUpdate> updates, CancellationToken cancellationToken)
    {
        if (updates.Count == 0)
        {
            return 0;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var update in updates)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO telegram_update (update_id, chat_id, payload, state, received_at)
                VALUES (@UpdateId, @ChatId, @Payload, 'received', @Now)
                ON CONFLICT (update_id) DO NOTHING
                """,
                new { update.UpdateId, update.ChatId, update.Payload, Now = Now() },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
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

    public async Task<IReadOnlyList<StoredUpdate>> PendingUpdatesAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long UpdateId, long ChatId, string Payload, long Attempts)>(new CommandDefinition(
            "SELECT update_id, chat_id, payload, attempts FROM telegram_update WHERE state = 'received' ORDER BY update_id LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredUpdate(r.UpdateId, r.ChatId, r.Payload, (int)r.Attempts)).ToList();
    }

    /// <summary>True while the update waits to be handled; false once an instance handled it (or gave up on it).</summary>
    public async Task<bool> IsPendingAsync(long updateId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM telegram_update WHERE update_id = @UpdateId AND state = 'received'",
            new { UpdateId = updateId },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>True while the outbox row is still to send; false once an instance sent it.</summary>
    public async Task<bool> IsQueuedAsync(long outgoingId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM telegram_outbox WHERE id = @Id",
            new { Id = outgoingId },
            cancellationToken: cancellationToken)) > 0;
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

    public async Task<IReadOnlyList<StoredOutgoing>> PendingOutgoingAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Id, long ChatId, string Payload)>(new CommandDefinition(
            "SELECT id, chat_id, payload FROM telegram_outbox ORDER BY id LIMIT @Limit",
            new { Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => new StoredOutgoing(r.Id, r.ChatId, TelegramRows.ReadOutgoing(r.Payload))).ToList();
    }

    /// <summary>Deletes a sent row; returns once it is gone. Rows sent at the same time go in one statement.</summary>
    public Task DeleteOutgoingAsync(long id, CancellationToken cancellationToken) => _deletes.DeleteAsync(id, cancellationToken);

    private string Now() => TelegramRows.TimeText(time.GetUtcNow());
}
