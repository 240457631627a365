using BlockBot.Desk.Accounts;
using BlockBot.Storage.Sql.Domain;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary><see cref="IStaffAccountStore"/> in <c>staff_account</c> (<c>Schema/*/011_staff_desk.sql</c>); each change is one statement.</summary>
public sealed class SqlStaffAccountStore(IDbConnectionFactory connections) : IStaffAccountStore
{
    private const string Columns = StaffAccountRow.Columns;

    public async Task<StaffAccount?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StaffAccountRow>(new CommandDefinition(
            $"SELECT {Columns} FROM staff_account WHERE name_key = @Key", new { Key = StaffAccount.KeyOf(name) }, cancellationToken: cancellationToken));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<StaffAccountRow>(new CommandDefinition(
            $"SELECT {Columns} FROM staff_account ORDER BY name_key", cancellationToken: cancellationToken));
        return rows.Select(row => row.ToAccount()).ToList();
    }

    public async Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO staff_account (name_key, name, role, password_hash, stamp, disabled, failed_sign_ins, locked_until, created_at)
            VALUES (@Key, @Name, @Role, @PasswordHash, @Stamp, 0, 0, NULL, @CreatedAt)
            ON CONFLICT (name_key) DO NOTHING
            """,
            new
            {
                Key = StaffAccount.KeyOf(account.Name),
                account.Name,
                Role = account.Role.ToText(),
                account.PasswordHash,
                account.Stamp,
                CreatedAt = SqlValues.TimeText(account.CreatedAt),
            },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> ResetPasswordAsync(string name, string passwordHash, string stamp, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staff_account SET password_hash = @PasswordHash, stamp = @Stamp, disabled = 0, failed_sign_ins = 0, locked_until = NULL
            WHERE name_key = @Key
            """,
            new { Key = StaffAccount.KeyOf(name), PasswordHash = passwordHash, Stamp = stamp },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> DisableAsync(string name, string stamp, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_account SET disabled = 1, stamp = @Stamp WHERE name_key = @Key",
            new { Key = StaffAccount.KeyOf(name), Stamp = stamp },
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task RecordFailedSignInAsync(string name, int allowedFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken)
    {
        // One statement, so failures counted by two requests (or two instances) at once are both counted.
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE staff_account
            SET locked_until = CASE WHEN failed_sign_ins + 1 >= @Allowed THEN @LockedUntil ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @Allowed THEN 0 ELSE failed_sign_ins + 1 END
            WHERE name_key = @Key
            """,
            new { Key = StaffAccount.KeyOf(name), Allowed = allowedFailures, LockedUntil = SqlValues.TimeText(lockedUntil) },
            cancellationToken: cancellationToken));
    }

    public async Task RecordSignedInAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE staff_account SET failed_sign_ins = 0, locked_until = NULL WHERE name_key = @Key AND (failed_sign_ins <> 0 OR locked_until IS NOT NULL)",
            new { Key = StaffAccount.KeyOf(name) },
            cancellationToken: cancellationToken));
    }
}
