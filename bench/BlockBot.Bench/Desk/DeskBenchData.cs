using System.Data.Common;
using System.Globalization;
using System.Text;
using BlockBot.Support.Cases;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace BlockBot.Bench.Desk;

/// <summary>
/// Fills a migrated, empty database with plain multi-row INSERTs of 500 rows, each its own transaction so the running
/// host's scheduler is not locked out of SQLite meanwhile: per ticket a Telegram customer
/// with one case on one of the lines, its transcript lines, and the ticket. One ticket in ten is open, one in ten taken,
/// the rest done or declined in the last 30 days; half are line clearings. Ticket i has case i and customer
/// <see cref="Customer"/>(i).
/// </summary>
public static class DeskBenchData
{
    private const int RowsPerStatement = 500;

    public static string Customer(long ticket) => "telegram:" + (300_000 + ticket).ToString(CultureInfo.InvariantCulture);

    /// <summary>Open tickets are those whose id is a multiple of ten.</summary>
    public static bool IsOpen(long ticket) => ticket % 10 == 0;

    public static async Task FillAsync(BenchDatabase database, DeskBenchOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using DbConnection connection = database.Provider == "Postgres"
            ? new NpgsqlConnection(database.ConnectionString)
            : new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        string Line(long i) => "Line " + (1 + (i % options.Lines)).ToString("0000", CultureInfo.InvariantCulture);
        string At(TimeSpan ago) => (now - ago).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        TimeSpan Age(long i) => TimeSpan.FromMinutes(i * 30.0 * 24 * 60 / options.Tickets);

        await InsertAsync(connection, "support_case",
            ["customer_key", "line", "line_key", "crm_marketing", "repeated", "stage", "created_at", "updated_at"],
            Range(options.Tickets).Select(i => new object[]
            {
                Customer(i), Line(i), LineKey.Of(Line(i)), i % 3 == 0 ? 0L : 1L, i % 4 == 0 ? 1L : 0L, CaseStages.ClearingRequested, At(Age(i)), At(Age(i)),
            }),
            cancellationToken);

        await InsertAsync(connection, "handoff_ticket",
            ["kind", "state", "customer_key", "case_id", "line", "line_key", "crm_marketing", "repeated", "customer_language", "created_at", "opens_at",
             "handled_by", "taken_at", "closed_at"],
            Range(options.Tickets).Select(i =>
            {
                var state = IsOpen(i) ? "open" : i % 10 == 1 ? "taken" : i % 10 == 2 ? "declined" : "done";
                var clearing = i % 2 == 0;
                var opened = Age(i) + TimeSpan.FromHours(5);
                return new object[]
                {
                    clearing ? "queue_clearing" : "general_question", state, Customer(i), i, clearing ? Line(i) : DBNull.Value,
                    clearing ? LineKey.Of(Line(i)) : DBNull.Value, 1L, 0L, "ru", At(opened), At(opened),
                    state == "open" ? DBNull.Value : "Anna", state is "open" or "declined" ? DBNull.Value : At(opened - TimeSpan.FromMinutes(5 + (i % 60))),
                    state is "done" or "declined" ? At(opened - TimeSpan.FromMinutes(30 + (i % 240))) : DBNull.Value,
                };
            }),
            cancellationToken);

        var perCustomer = Math.Max(1, options.TranscriptLines / options.Tickets);
        await InsertAsync(connection, "transcript_line",
            ["customer_key", "at", "direction", "text"],
            Range(options.TranscriptLines).Select(j =>
            {
                var ticket = 1 + ((j - 1) / perCustomer % options.Tickets);
                var n = (j - 1) % perCustomer;
                return new object[]
                {
                    Customer(ticket), At(Age(ticket) + TimeSpan.FromHours(6) - TimeSpan.FromSeconds(n)), n % 2 == 0 ? "in" : "out",
                    n % 2 == 0 ? "My line is blocked again, please help, message " + n.ToString(CultureInfo.InvariantCulture) : "Thank you, we are on it.",
                };
            }),
            cancellationToken);
    }

    private static IEnumerable<long> Range(int count) => Enumerable.Range(1, count).Select(i => (long)i);

    private static async Task InsertAsync(
        DbConnection connection, string table, IReadOnlyList<string> columns, IEnumerable<object[]> rows, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                    sql.Append(c == 0 ? name : ", " + name);
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = name;
                    parameter.Value = chunk[r][c];
                    command.Parameters.Add(parameter);
                }

                sql.Append(')');
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
