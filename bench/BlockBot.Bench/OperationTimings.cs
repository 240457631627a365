using System.Collections.Concurrent;

namespace BlockBot.Bench;

/// <summary>Durations of the bot's inner operations by name (a dialog action, a state read or write), to see where a turn's time goes.</summary>
public sealed class OperationTimings
{
    private readonly ConcurrentDictionary<string, LatencyRecorder> _byName = new(StringComparer.Ordinal);

    public LatencyRecorder For(string name) => _byName.GetOrAdd(name, _ => new LatencyRecorder());

    public IReadOnlyList<(string Name, LatencySummary Summary)> Summarise() =>
        [.. _byName.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => (entry.Key, entry.Value.Summarise()))];
}
