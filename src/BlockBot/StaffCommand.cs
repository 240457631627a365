using BlockBot.Desk.Accounts;
using BlockBot.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot;

/// <summary>
/// <c>staff add|reset|disable NAME</c> (<see cref="StaffAccountCommand"/>) against the configured database, brought up to
/// date first; <c>--BlockBot:…</c> settings after the command are passed to the host.
/// </summary>
internal static class StaffCommand
{
    public static bool Matches(string[] args) => StaffAccountCommand.Matches(args);

    public static async Task<int> RunAsync(string[] args)
    {
        // Only problems on the terminal: the command prints its own result.
        using var host = BlockBotProgram.Build([.. StaffAccountCommand.HostArguments(args), "--Logging:LogLevel:Default=Warning"]);
        await host.Services.GetRequiredService<ISchemaMigrator>().MigrateAsync(CancellationToken.None);
        var command = new StaffAccountCommand(
            host.Services.GetRequiredService<IStaffAccountStore>(),
            new StaffPasswords(),
            host.Services.GetRequiredService<TimeProvider>());
        return await command.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
    }
}
