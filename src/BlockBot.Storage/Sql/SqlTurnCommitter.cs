using BlockBot.Conversation.Abstractions;

namespace BlockBot.Storage.Sql;

/// <summary>Saves a turn's held state writes and its enlisted work in one transaction of the shared database.</summary>
public sealed class SqlTurnCommitter(IDbConnectionFactory connections, SqlStorage storage) : ITurnCommitter
{
    public async Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var state = commit.State.Values.Cast<StateWrite>().ToList();
        var work = commit.Work;
        if (state.Count == 0 && work.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await storage.ApplyAsync(connection, transaction, state, cancellationToken);
        foreach (var item in work)
        {
            await item.SaveAsync(connection, transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
