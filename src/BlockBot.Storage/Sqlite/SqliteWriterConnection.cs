using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace BlockBot.Storage.Sqlite;

/// <summary>
/// The connection the turns' group commit keeps for its own (ADR 0020), with the commands it runs on every commit
/// prepared once and kept: Microsoft.Data.Sqlite otherwise parses every statement anew on each run. Writers of a
/// turn's rows that see this connection run their <see cref="KeptStatement"/> on it; on any other connection
/// (PostgreSQL, a pooled SQLite connection) they build their command as usual. Used by one commit at a time.
/// </summary>
internal sealed class SqliteWriterConnection(string connectionString) : SqliteConnection(connectionString)
{
    private readonly Dictionary<KeptStatement, SqliteCommand> _kept = [];

    /// <summary>The statement's kept command in <paramref name="transaction"/>, its parameters set to <paramref name="values"/> (null is SQL NULL).</summary>
    public SqliteCommand Command(KeptStatement statement, DbTransaction transaction, params ReadOnlySpan<object?> values)
    {
        if (values.Length != statement.Parameters.Count)
        {
            throw new ArgumentException($"The statement takes {statement.Parameters.Count} values, not {values.Length}.", nameof(values));
        }

        var command = Kept(statement);
        command.Transaction = (SqliteTransaction)transaction;
        var parameters = command.Parameters;
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    private SqliteCommand Kept(KeptStatement statement)
    {
        if (_kept.TryGetValue(statement, out var command))
        {
            return command;
        }

        command = CreateCommand();
        command.CommandText = statement.Sql;
        foreach (var name in statement.Parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        _kept.Add(statement, command);
        return command;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var command in _kept.Values)
            {
                command.Dispose();
            }

            _kept.Clear();
        }

        base.Dispose(disposing);
    }
}
