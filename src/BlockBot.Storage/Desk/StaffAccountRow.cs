using BlockBot.Desk.Accounts;
using BlockBot.Storage.Sql.Domain;

namespace BlockBot.Storage.Desk;

/// <summary>A <c>staff_account</c> row as Dapper reads it.</summary>
internal sealed class StaffAccountRow
{
    public const string Columns =
        "name AS Name, role AS Role, password_hash AS PasswordHash, stamp AS Stamp, disabled AS Disabled, " +
        "failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil, created_at AS CreatedAt";

    public string Name { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string PasswordHash { get; set; } = string.Empty;

    public string Stamp { get; set; } = string.Empty;

    public long Disabled { get; set; }

    public long FailedSignIns { get; set; }

    public string? LockedUntil { get; set; }

    public string CreatedAt { get; set; } = string.Empty;

    public StaffAccount ToAccount() => new(
        Name,
        StaffRoles.Parse(Role),
        PasswordHash,
        Stamp,
        Disabled != 0,
        (int)FailedSignIns,
        SqlValues.ParseOptionalTime(LockedUntil),
        SqlValues.ParseTime(CreatedAt));
}
