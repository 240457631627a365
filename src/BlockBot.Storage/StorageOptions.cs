using System.ComponentModel.DataAnnotations;

namespace BlockBot.Storage;

/// <summary><c>BlockBot:Storage</c>: where conversation state, domain records and reminders are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "BlockBot:Storage";

    /// <summary><c>Sqlite</c> (the embedded default). PostgreSQL comes with the multi-instance work.</summary>
    [Required]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = "Data Source=data/blockbot.db";

    /// <summary>
    /// How many customers' turns one instance runs at once; the others wait in memory (ADR 0026). Unset: 16 on
    /// PostgreSQL, no limit on SQLite; 0: no limit.
    /// </summary>
    [Range(0, 10_000)]
    public int? CustomerTurnsInFlight { get; set; }

    /// <summary>The limit on PostgreSQL when <see cref="CustomerTurnsInFlight"/> is unset.</summary>
    public const int PostgresCustomerTurnsInFlight = 16;
}
