using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace BlockBot.Tests.Infrastructure;

/// <summary>
/// Listens to one meter: keeps every measurement its counters and histograms make as they make it, and reads its
/// gauges when asked, the way an exporter does.
/// </summary>
public sealed class MeterRecorder : IDisposable
{
    private readonly MeterListener _listener;
    private readonly ConcurrentQueue<Measured> _recorded = new();
    private readonly List<Measured> _observed = [];
    private readonly Lock _observing = new();

    public MeterRecorder(Meter meter)
    {
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter == meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>What the counters and histograms recorded so far.</summary>
    public IReadOnlyList<Measured> Recorded => [.. _recorded];

    /// <summary>Reads every observable instrument of the meter now and returns what they reported.</summary>
    public IReadOnlyList<Measured> ObserveGauges()
    {
        lock (_observing)
        {
            _observed.Clear();
            _listener.RecordObservableInstruments();
            return [.. _observed];
        }
    }

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var tagTexts = new Dictionary<string, string?>();
        foreach (var tag in tags)
        {
            tagTexts[tag.Key] = tag.Value?.ToString();
        }

        var measured = new Measured(instrument.Name, value, tagTexts);
        if (instrument.IsObservable)
        {
            // Observable instruments report only inside RecordObservableInstruments, which holds the lock.
            _observed.Add(measured);
        }
        else
        {
            _recorded.Enqueue(measured);
        }
    }
}

/// <summary>One measurement: the instrument's name, the value and its tags as text.</summary>
public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags)
{
    public string? Tag(string key) => Tags.GetValueOrDefault(key);

    public override string ToString() =>
        $"{Instrument}{{{string.Join(",", Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}}}={Value}";
}
