namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// Many actors of one test at work at once: the first to fail stops the others (their token is cancelled), so
/// the test fails soon and with that cause rather than with the timeouts that follow from it.
/// </summary>
public sealed class FirstFailure : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Exception> _failures = [];

    public CancellationToken Token => _stop.Token;

    public async Task GuardAsync(Func<CancellationToken, Task> work)
    {
        try
        {
            await work(_stop.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            lock (_failures)
            {
                _failures.Add(e);
            }

            await _stop.CancelAsync();
        }
        catch (OperationCanceledException)
        {
            // Stopped by another's failure.
        }
    }

    public void ThrowIfFailed()
    {
        lock (_failures)
        {
            if (_failures.Count > 0)
            {
                throw new Xunit.Sdk.XunitException($"{_failures.Count} failed; the first: {_failures[0]}");
            }
        }
    }

    public void Dispose() => _stop.Dispose();
}
