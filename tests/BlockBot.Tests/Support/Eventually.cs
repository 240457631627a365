namespace BlockBot.Tests.Support;

/// <summary>Waits for what another thread (a dispatcher, Quartz) records, by looking again every 20 ms; never sleeps on a guess.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        using var timeout = new CancellationTokenSource(TestTimeouts.Generous);
        while (!await condition())
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Waited {TestTimeouts.Generous} for {what}.");
            }
        }
    }
}
