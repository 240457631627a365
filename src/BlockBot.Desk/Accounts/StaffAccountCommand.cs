namespace BlockBot.Desk.Accounts;

/// <summary>
/// <c>staff add NAME [--role agent|lead]</c>, <c>staff reset NAME</c>, <c>staff disable NAME</c>: desk accounts from the
/// command line. Add and reset print a new password once; it is kept only as a hash. Reset also enables a disabled
/// account and clears a lockout; reset and disable end the account's open sessions.
/// </summary>
public sealed class StaffAccountCommand(IStaffAccountStore accounts, StaffPasswords passwords, TimeProvider time)
{
    public const string Usage = "usage: staff add NAME [--role agent|lead] | staff reset NAME | staff disable NAME";

    public static bool Matches(string[] args) => args.Length >= 1 && args[0] == "staff";

    /// <summary>The arguments after the command's own (e.g. <c>--BlockBot:Storage:…</c> settings), for the host.</summary>
    public static string[] HostArguments(string[] args) => args.Where(a => a.StartsWith("--BlockBot", StringComparison.Ordinal)).ToArray();

    /// <returns>The exit code: 0 done, 1 refused (no such account, or it exists), 2 usage.</returns>
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var own = args.Where(a => !a.StartsWith("--BlockBot", StringComparison.Ordinal)).ToArray();
        if (own.Length < 3 || !StaffAccount.IsValidName(own[2]))
        {
            await error.WriteLineAsync(Usage + "\nNAME: letters, digits, '.', '-' or '_', at most 64.");
            return 2;
        }

        var name = own[2];
        switch (own[1], own.Length)
        {
            case ("add", 3):
                return await AddAsync(name, StaffRole.Agent, output, error, cancellationToken);
            case ("add", 5) when own[3] == "--role" && StaffRoles.TryParse(own[4], out var role):
                return await AddAsync(name, role, output, error, cancellationToken);
            case ("reset", 3):
                var account = await accounts.FindAsync(name, cancellationToken);
                var password = StaffPasswords.NewPassword();
                if (account is null || !await accounts.ResetPasswordAsync(name, passwords.Hash(account, password), StaffPasswords.NewStamp(), cancellationToken))
                {
                    await error.WriteLineAsync($"staff: no account '{name}'");
                    return 1;
                }

                await output.WriteLineAsync($"New password for {account.Name} (shown once): {password}");
                return 0;
            case ("disable", 3):
                if (!await accounts.DisableAsync(name, StaffPasswords.NewStamp(), cancellationToken))
                {
                    await error.WriteLineAsync($"staff: no account '{name}'");
                    return 1;
                }

                await output.WriteLineAsync($"{name} is disabled and signed out.");
                return 0;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private async Task<int> AddAsync(string name, StaffRole role, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var password = StaffPasswords.NewPassword();
        var account = new StaffAccount(name, role, string.Empty, StaffPasswords.NewStamp(), false, 0, null, time.GetUtcNow());
        if (!await accounts.AddAsync(account with { PasswordHash = passwords.Hash(account, password) }, cancellationToken))
        {
            await error.WriteLineAsync($"staff: an account '{name}' exists; use 'staff reset {name}' for a new password");
            return 1;
        }

        await output.WriteLineAsync($"Added {name} ({role.ToText()}). Password (shown once): {password}");
        return 0;
    }
}
