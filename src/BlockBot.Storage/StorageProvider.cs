namespace BlockBot.Storage;

public enum StorageProvider
{
    /// <summary>One embedded file; one instance of the bot.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (Npgsql); several instances may share it.</summary>
    Postgres,
}
