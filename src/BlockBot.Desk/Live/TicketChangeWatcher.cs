using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Desk.Live;

/// <summary>
/// While a desk page is open in this process, reads <see cref="ITicketChangeCounter"/> every
/// <see cref="DeskOptions.ChangePollMilliseconds"/> and tells each open page when it moved. One query per instance,
/// however many pages are open; none while no page is. A page also passes the version it was rendered at, so a change
/// between its rendering and its subscription is not lost (<see cref="DeskEndpoints"/>).
/// </summary>
public sealed partial class TicketChangeWatcher(ITicketChangeCounter counter, IOptions<DeskOptions> options, ILogger<TicketChangeWatcher> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Channel<long>, byte> _pages = new();
    private readonly SemaphoreSlim _pageOpened = new(0);

    /// <summary>Changes seen from now on, until <paramref name="cancellationToken"/> ends (the page closed).</summary>
    public async IAsyncEnumerable<long> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A page that is slow to read misses nothing but intermediate versions: it only needs to know something changed.
        var page = Channel.CreateBounded<long>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        _pages.TryAdd(page, 0);
        _pageOpened.Release();
        try
        {
            await foreach (var version in page.Reader.ReadAllAsync(cancellationToken))
            {
                yield return version;
            }
        }
        finally
        {
            _pages.TryRemove(page, out _);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        long? last = null;
        var interval = TimeSpan.FromMilliseconds(options.Value.ChangePollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (_pages.IsEmpty)
            {
                await _pageOpened.WaitAsync(stoppingToken);
                continue;
            }

            try
            {
                var version = await counter.ReadAsync(stoppingToken);
                // The first read, or the first after a pause, may tell pages of a change they have already shown: harmless.
                if (version != last)
                {
                    foreach (var page in _pages.Keys)
                    {
                        page.Writer.TryWrite(version);
                    }
                }

                last = version;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReadFailed(logger, exception);
            }

            await Task.Delay(interval, stoppingToken);
        }
    }

    public override void Dispose()
    {
        _pageOpened.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Reading the ticket change counter failed; open desk pages update on the next read")]
    private static partial void LogReadFailed(ILogger logger, Exception exception);
}
