using System.Diagnostics.Metrics;
using BlockBot.Conversation.Diagnostics;

namespace BlockBot.Bench;

/// <summary>
/// Hears how long customers' turns that found every turn slot of their instance taken waited for one
/// (<c>blockbot.turn.admission.wait</c>, ADR 0026), every instance of the run together: a turn admitted at once records
/// nothing, so the count says how many waited.
/// </summary>
public sealed class AdmissionWaitListener : IDisposable
{
    private const string Instrument = "blockbot.turn.admission.wait";

    private readonly MeterListener _listener = new();

    public AdmissionWaitListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BlockBotMetrics.MeterName && instrument.Name == Instrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => Waits.Record(TimeSpan.FromSeconds(seconds)));
        _listener.Start();
    }

    public LatencyRecorder Waits { get; } = new();

    public void Dispose() => _listener.Dispose();
}
