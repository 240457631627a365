namespace BlockBot.Desk.Accounts;

/// <param name="Account">The account, when the sign-in succeeded.</param>
/// <param name="LockedUntil">When the account's lockout ends, when it is locked.</param>
public sealed record SignInResult(StaffAccount? Account, DateTimeOffset? LockedUntil)
{
    public static SignInResult Refused { get; } = new(null, null);
}
