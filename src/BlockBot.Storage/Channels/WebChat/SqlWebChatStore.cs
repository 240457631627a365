using System.Data.Common;
using BlockBot.Channels.WebChat;
using BlockBot.Storage.Sql.Domain;
using Dapper;

namespace BlockBot.Storage.Channels.WebChat;

/// <summary><see cref="IWebChatStore"/> over the channel's rows in the shared database (Schema/sqlite|postgres/012_webchat.sql, 016_webchat_retention.sql).</summary>
public sealed class SqlWebChatStore(IDbConnectionFactory connections, TimeProvider time) : IWebChatStore
{
    public async Task<bool> StartAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webchat_conversation (id, last_sequence, started_at) VALUES (@conversationId, 0, @now) ON CONFLICT (id) DO NOTHING",
            new { conversationId, now = Now() },
            cancellationToken: cancellationToken)) == 1;
    }

    public async Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM webchat_conversation WHERE id = @conversationId", new { conversationId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task EraseActivitiesAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM webchat_activity WHERE conversation_id = @conversationId", new { conversationId }, cancellationToken: cancellationToken));
    }

    public async Task<int> DeleteActivitiesOlderThanAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM webchat_activity WHERE (conversation_id, sequence) IN
                (SELECT conversation_id, sequence FROM webchat_activity WHERE stored_at < @cutoff ORDER BY stored_at LIMIT @batchSize)
            """,
            new { cutoff = SqlValues.TimeText(cutoff), batchSize },
            cancellationToken: cancellationToken));
    }

    public async Task<int> DeleteEmptyConversationsOlderThanAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM webchat_conversation WHERE id IN
                (SELECT c.id FROM webchat_conversation c
                 WHERE c.started_at < @cutoff AND NOT EXISTS (SELECT 1 FROM webchat_activity a WHERE a.conversation_id = c.id)
                 LIMIT @batchSize)
            """,
            new { cutoff = SqlValues.TimeText(cutoff), batchSize },
            cancellationToken: cancellationToken));
    }

    public async Task AppendAsync(string conversationId, IReadOnlyList<string> activities, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var activity in activities)
        {
            await AppendAsync(connection, transaction, conversationId, activity, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoredActivity>> ReadAfterAsync(string conversationId, long watermark, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long Sequence, string Activity)>(new CommandDefinition(
            """
            SELECT sequence, activity FROM webchat_activity
            WHERE conversation_id = @conversationId AND sequence > @watermark
            ORDER BY sequence LIMIT @limit
            """,
            new { conversationId, watermark, limit },
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StoredActivity(r.Sequence, r.Activity))];
    }

    /// <summary>
    /// Appends one activity in the caller's transaction (the turn's, for <see cref="WebChatActivityQueuedWriter"/>): the
    /// conversation's counter is raised and read in one statement, which holds its row until the commit, so two
    /// appends to one conversation never take the same number.
    /// </summary>
    internal async Task AppendAsync(DbConnection connection, DbTransaction? transaction, string conversationId, string activity, CancellationToken cancellationToken)
    {
        var now = Now();
        var sequence = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO webchat_conversation (id, last_sequence, started_at) VALUES (@conversationId, 1, @now)
            ON CONFLICT (id) DO UPDATE SET last_sequence = webchat_conversation.last_sequence + 1
            RETURNING last_sequence
            """,
            new { conversationId, now },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO webchat_activity (conversation_id, sequence, activity, stored_at) VALUES (@conversationId, @sequence, @activity, @now)",
            new { conversationId, sequence, activity, now },
            transaction,
            cancellationToken: cancellationToken));
    }

    private string Now() => SqlValues.TimeText(time.GetUtcNow());
}
