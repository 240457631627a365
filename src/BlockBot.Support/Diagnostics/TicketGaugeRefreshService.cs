using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlockBot.Support.Diagnostics;

/// <summary>Counts the tickets for <see cref="TicketGauges"/> at start and then every <see cref="TicketGaugeOptions.TicketRefreshInterval"/>.</summary>
public sealed class TicketGaugeRefreshService(TicketGauges gauges, IOptions<TicketGaugeOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TicketRefreshInterval, time);
        try
        {
            do
            {
                await gauges.RefreshAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }
}
