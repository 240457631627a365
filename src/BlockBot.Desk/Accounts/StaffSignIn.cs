using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Desk.Accounts;

/// <summary>
/// Checks a name and password. A wrong password counts towards a lockout (<see cref="DeskOptions.AllowedFailedSignIns"/>
/// in a row lock the account for <see cref="DeskOptions.LockoutMinutes"/>); while locked even the right password is
/// refused. An unknown or disabled name is refused like a wrong password, after the same hashing work.
/// </summary>
public sealed class StaffSignIn(IStaffAccountStore accounts, StaffPasswords passwords, IOptions<DeskOptions> options, TimeProvider time, ILogger<StaffSignIn> logger)
{
    private static readonly StaffAccount Nobody = new("nobody", StaffRole.Agent, string.Empty, string.Empty, true, 0, null, DateTimeOffset.UnixEpoch);
    private readonly Lazy<string> _decoyHash = new(() => passwords.Hash(Nobody, StaffPasswords.NewPassword()));

    public async Task<SignInResult> CheckAsync(string name, string password, CancellationToken cancellationToken)
    {
        var account = StaffAccount.IsValidName(name.Trim()) ? await accounts.FindAsync(name, cancellationToken) : null;
        if (account is null || account.Disabled)
        {
            passwords.Verify(Nobody with { PasswordHash = _decoyHash.Value }, password);
            logger.LogWarning("Desk sign-in refused: unknown or disabled account");
            return SignInResult.Refused;
        }

        var now = time.GetUtcNow();
        if (account.LockedUntil is { } until && until > now)
        {
            logger.LogWarning("Desk sign-in refused: {Staff} is locked out until {Until}", account.Name, until);
            return new SignInResult(null, until);
        }

        if (!passwords.Verify(account, password))
        {
            var lockUntil = now.AddMinutes(options.Value.LockoutMinutes);
            await accounts.RecordFailedSignInAsync(account.Name, options.Value.AllowedFailedSignIns, lockUntil, cancellationToken);
            var locked = account.FailedSignIns + 1 >= options.Value.AllowedFailedSignIns;
            logger.LogWarning("Desk sign-in refused: wrong password for {Staff}{Locked}", account.Name, locked ? "; locked out" : string.Empty);
            return locked ? new SignInResult(null, lockUntil) : SignInResult.Refused;
        }

        await accounts.RecordSignedInAsync(account.Name, cancellationToken);
        logger.LogInformation("{Staff} signed in to the desk", account.Name);
        return new SignInResult(account, null);
    }
}
