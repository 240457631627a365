using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Console;

/// <summary>
/// Reads the terminal line by line: <c>/staff …</c> lines act on tickets, every other line is the
/// customer's message. Each line's turn finishes before the next is read. When input is scripted and
/// ends, pending work finishes (and the bot lingers if asked), then the host stops with exit code 0.
/// </summary>
public sealed class ConsoleChatService(
    ConsoleAdapter adapter,
    ConsoleStaffCommands staff,
    ConsoleTranscript transcript,
    PendingWork pendingWork,
    TextReader input,
    IOptions<ConsoleOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<ConsoleChatService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the rest of the host (scheduler, storage) finish starting before the first line.
        await Task.Yield();
        if (transcript.Interactive)
        {
            transcript.Note("BlockBot — console chat. Write to the bot (/start for the menu, /help for commands).");
            transcript.Note("Staff side: /staff help. End with Ctrl+D.");
            transcript.Note(string.Empty);
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var line = await input.ReadLineUntilStoppedAsync(stoppingToken);
                if (line is null)
                {
                    break;
                }

                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                await HandleLineAsync(line, stoppingToken);
            }

            await pendingWork.WaitForIdleAsync(stoppingToken);
            if (options.Value.LingerSeconds > 0)
            {
                await Task.Delay(TimeSpan.FromSeconds(options.Value.LingerSeconds), stoppingToken);
                await pendingWork.WaitForIdleAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        lifetime.StopApplication();
    }

    private async Task HandleLineAsync(string line, CancellationToken cancellationToken)
    {
        try
        {
            if (ConsoleStaffCommands.IsStaffCommand(line))
            {
                await staff.ExecuteAsync(line, cancellationToken);

                // A staff action reaches the customer as a queued event; let it land before the next line is read.
                await pendingWork.WaitForIdleAsync(cancellationToken);
            }
            else
            {
                await adapter.ProcessLineAsync(line, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The adapter already told the customer; keep reading so one bad line does not end the chat.
            logger.LogError(e, "The console line could not be handled");
        }
    }
}
