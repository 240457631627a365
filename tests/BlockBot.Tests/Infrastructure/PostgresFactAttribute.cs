using BlockBot.Storage;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A test of several instances sharing one database: it runs when the tests run on PostgreSQL, and is skipped on SQLite, which serves one instance.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TempDatabase.ConfiguredProvider != StorageProvider.Postgres)
        {
            Skip = $"Several instances need PostgreSQL: set {TempDatabase.ProviderVariable}=Postgres.";
        }
    }
}
