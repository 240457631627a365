using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace BlockBot.Desk.Accounts;

/// <summary>Hashing and checking with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>; new passwords and stamps from a CSPRNG.</summary>
public sealed class StaffPasswords
{
    // Without look-alikes (0/O, 1/l/I), so a password read off a terminal is typed right.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int GeneratedLength = 16;

    private readonly PasswordHasher<StaffAccount> _hasher = new();

    public string Hash(StaffAccount account, string password) => _hasher.HashPassword(account, password);

    public bool Verify(StaffAccount account, string password) =>
        _hasher.VerifyHashedPassword(account, account.PasswordHash, password) is PasswordVerificationResult.Success or PasswordVerificationResult.SuccessRehashNeeded;

    public static string NewPassword() => RandomNumberGenerator.GetString(Alphabet, GeneratedLength);

    public static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
}
