namespace BlockBot.Storage;

/// <summary>Brings the database's own tables up to date from the embedded numbered scripts.</summary>
public interface ISchemaMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);
}
