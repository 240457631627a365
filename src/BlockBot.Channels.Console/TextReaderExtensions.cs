namespace BlockBot.Channels.Console;

internal static class TextReaderExtensions
{
    /// <summary>
    /// The next line, or an <see cref="OperationCanceledException"/> as soon as <paramref name="stoppingToken"/> fires.
    /// The terminal's reader reads synchronously whatever token it is given, so the read runs off the caller's thread
    /// and a stop does not wait for someone to type a line (a read still pending then ends with the process).
    /// </summary>
    public static Task<string?> ReadLineUntilStoppedAsync(this TextReader input, CancellationToken stoppingToken) =>
        Task.Run(() => input.ReadLineAsync(stoppingToken).AsTask(), CancellationToken.None).WaitAsync(stoppingToken);
}
