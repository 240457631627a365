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
}
