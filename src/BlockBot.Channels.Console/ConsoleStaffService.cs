using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Console;

/// <summary>
/// The terminal as the staff side only (customers write on another channel): <c>/staff …</c> lines act on
/// tickets. The end of input ends the reading, not the bot, which serves its customers on.
/// </summary>
public sealed class ConsoleStaffService(
    ConsoleStaffCommands staff,
    ConsoleTranscript transcript,
    TextReader input,
    ILogger<ConsoleStaffService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            while (await input.ReadLineUntilStoppedAsync(stoppingToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                if (!ConsoleStaffCommands.IsStaffCommand(line))
                {
                    transcript.Staff("This terminal is the staff side; customers write on their channel. /staff help for the commands.");
                    continue;
                }

                try
                {
                    await staff.ExecuteAsync(line, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The staff command could not be handled");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            // No terminal (a service manager closed standard input): there is simply no staff typing here.
            logger.LogInformation("Standard input is closed; the console staff side reads nothing");
        }
    }
}
