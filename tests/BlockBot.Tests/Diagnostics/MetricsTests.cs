using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Tests.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static BlockBot.Tests.Infrastructure.Turn;

namespace BlockBot.Tests.Diagnostics;

/// <summary>The BlockBot meter counts turns with their latency, and reminders as they fire with their lateness.</summary>
public sealed class MetricsTests : ConversationTestBase
{
    [Fact]
    public async Task Turns_and_a_fired_reminder_are_measured()
    {
        var meter = Host.Services.GetRequiredService<BlockBotMetrics>().Meter;
        var measured = new ConcurrentQueue<(string Instrument, double Value, string Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == meter)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, Describe(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, Describe(tags))));
        listener.Start();

        await PlayAsync(
        [
            .. Scripts.ToUnblockQuestion(),
            User("Ещё не обращались"), Bot("blocked", "appeal_how"), Bot("blocked", "appeal_meanwhile"),
            Bot("blocked", "followup_date"), Bot("blocked", "wait_answer", "unblocked", "refused", "no_answer"),
            TimePasses(TimeSpan.FromDays(1)),
            Bot("blocked", "followup"), Bot("blocked", "wait_answer"),
        ]);

        var turns = measured.Where(m => m.Instrument == "blockbot.turns").ToList();
        Assert.Contains(turns, m => m.Tags.Contains("activity.type=message", StringComparison.Ordinal));
        Assert.Contains(turns, m => m.Tags.Contains("activity.type=event", StringComparison.Ordinal));
        Assert.Equal(turns.Count, measured.Count(m => m.Instrument == "blockbot.turn.duration"));
        Assert.All(measured.Where(m => m.Instrument == "blockbot.turn.duration"), m => Assert.True(m.Value >= 0));
        Assert.Single(measured, m => m.Instrument == "blockbot.reminders.fired");
        Assert.Single(measured, m => m.Instrument == "blockbot.reminder.lateness");
    }

    [Fact]
    public void A_metrics_endpoint_that_is_no_url_stops_the_start_naming_the_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => BlockBotProgram.Build(
            ["--BlockBot:Metrics:OtlpEndpoint=collector:4317", $"--BlockBot:Storage:ConnectionString={Database.ConnectionString}", $"--BlockBot:Storage:Provider={Database.Provider}"]));

        Assert.Contains("BlockBot:Metrics:OtlpEndpoint", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(",", parts);
    }
}
