using System.Text.RegularExpressions;
using BlockBot.Support.Staff;

namespace BlockBot.Desk.Accounts;

/// <summary>A person who may sign in to the desk.</summary>
/// <param name="Name">As typed when it was added; also what customers and cards are shown when the person acts.</param>
/// <param name="PasswordHash">ASP.NET Core Identity's <c>PasswordHasher</c> format; the password itself is never kept.</param>
/// <param name="Stamp">Changes on every reset and disable; a session signed in under another stamp is ended.</param>
/// <param name="FailedSignIns">Wrong passwords since the last success or lockout.</param>
public sealed partial record StaffAccount(
    string Name,
    StaffRole Role,
    string PasswordHash,
    string Stamp,
    bool Disabled,
    int FailedSignIns,
    DateTimeOffset? LockedUntil,
    DateTimeOffset CreatedAt)
{
    public const int MaxNameLength = 64;

    /// <summary>How the staff desk names the person: <c>desk:&lt;name&gt;</c>, shown by name.</summary>
    public StaffMember Member => new("desk:" + Name, Name);

    /// <summary>The name as accounts are looked up: "Anna" and "anna" are one account.</summary>
    public static string KeyOf(string name) => name.Trim().ToLowerInvariant();

    /// <summary>Letters, digits, dot, dash and underscore, 1 to 64 of them.</summary>
    public static bool IsValidName(string? name) => name is not null && ValidName().IsMatch(name);

    [GeneratedRegex(@"^[\p{L}\p{N}._-]{1,64}$")]
    private static partial Regex ValidName();
}
