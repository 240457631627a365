namespace BlockBot.Storage.Sqlite;

/// <summary>
/// A statement the turns' group commit runs on every commit: <see cref="SqliteWriterConnection"/> prepares it once and
/// keeps it, and each run binds new values, in the order of <see cref="Parameters"/>, to the same SQLite statement.
/// Kept per instance (each is a static field), so a class with reference equality rather than a record.
/// </summary>
/// <param name="sql">The statement's text, with its parameters named as in <paramref name="parameters"/>.</param>
/// <param name="parameters">Its parameters' names with their prefix (<c>@Key</c>), as SQLite looks them up: one lookup a bind.</param>
internal sealed class KeptStatement(string sql, params string[] parameters)
{
    public string Sql { get; } = sql;

    public IReadOnlyList<string> Parameters { get; } = parameters;
}
