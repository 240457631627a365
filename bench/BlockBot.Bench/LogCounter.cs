using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BlockBot.Bench;

/// <summary>Counts the warnings and errors the bot logs during the run, keeping the first few messages for the report.</summary>
public sealed class LogCounter : ILoggerProvider, ILogger
{
    private const int MaxSamples = 5;

    private readonly ConcurrentQueue<string> _samples = new();
    private long _warnings;
    private long _errors;

    public long Warnings => Interlocked.Read(ref _warnings);

    public long Errors => Interlocked.Read(ref _errors);

    public IReadOnlyCollection<string> Samples => _samples;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var count = logLevel == LogLevel.Warning ? Interlocked.Increment(ref _warnings) : Interlocked.Increment(ref _errors);
        if (count <= MaxSamples)
        {
            var message = formatter(state, exception) + (exception is null ? string.Empty : $" ({exception.GetType().Name}: {exception.Message})");
            _samples.Enqueue($"{logLevel}: {(message.Length > 200 ? message[..200] + "…" : message)}");
        }
    }

    public void Dispose()
    {
    }
}
