namespace BlockBot.Desk.Accounts;

/// <summary>Where the desk keeps staff accounts; implemented by BlockBot.Storage. Names are compared as <see cref="StaffAccount.KeyOf"/>.</summary>
public interface IStaffAccountStore
{
    Task<StaffAccount?> FindAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every account, by name.</summary>
    Task<IReadOnlyList<StaffAccount>> ListAsync(CancellationToken cancellationToken);

    /// <returns>False when an account of that name exists (nothing is changed).</returns>
    Task<bool> AddAsync(StaffAccount account, CancellationToken cancellationToken);

    /// <summary>A new password and stamp; the account is enabled and its lockout cleared.</summary>
    /// <returns>False when there is no such account.</returns>
    Task<bool> ResetPasswordAsync(string name, string passwordHash, string stamp, CancellationToken cancellationToken);

    /// <returns>False when there is no such account.</returns>
    Task<bool> DisableAsync(string name, string stamp, CancellationToken cancellationToken);

    /// <summary>
    /// Counts a wrong password, in one statement; the one that reaches <paramref name="allowedFailures"/> locks the
    /// account until <paramref name="lockedUntil"/> and starts the count again.
    /// </summary>
    Task RecordFailedSignInAsync(string name, int allowedFailures, DateTimeOffset lockedUntil, CancellationToken cancellationToken);

    /// <summary>Clears the count of wrong passwords.</summary>
    Task RecordSignedInAsync(string name, CancellationToken cancellationToken);
}
