namespace BlockBot.Storage;

public enum StorageProvider
{
    Sqlite,
}
