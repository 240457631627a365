using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BlockBot.Channels.Telegram.Inbox;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// What polling and the webhook do with the updates they receive: each is read on its own; the ones that can be
/// handled are recorded in the inbox as the JSON received, the others quarantined. Either way it is taken, so
/// the offset (or the webhook's 200) moves on.
/// </summary>
public sealed class TelegramUpdateIntake(
    ITelegramStore store,
    TelegramQuarantine quarantine,
    TelegramInboxProcessor processor,
    IOptions<TelegramOptions> options)
{
    // What a quarantined update over the size limit keeps of itself, enough to recognise it.
    private const int KeptOfTooLarge = 4096;

    /// <returns>How many updates were new to the inbox, and the highest update id read (null when none had one).</returns>
    public async Task<(int Recorded, long? LastUpdateId)> TakeAsync(IReadOnlyList<JsonElement> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var received = new List<ReceivedUpdate>(updates.Count);
        long? last = null;
        foreach (var raw in updates)
        {
            var json = JsonMarshal.GetRawUtf8Value(raw);
            var reading = json.Length > options.Value.MaxUpdateBytes
                ? new UpdateReading(TelegramUpdateReader.IdOf(raw), null, UpdateProblem.TooLarge($"{json.Length} bytes, over {TelegramOptions.MaxUpdateBytesKey} ({options.Value.MaxUpdateBytes})"))
                : TelegramUpdateReader.Read(raw);
            if (reading.UpdateId is { } id)
            {
                last = Math.Max(last ?? id, id);
            }

            if (!reading.IsUsable)
            {
                var kept = json.Length > options.Value.MaxUpdateBytes ? json[..KeptOfTooLarge] : json;
                await quarantine.PutAsync(reading.UpdateId, reading.Problem, Encoding.UTF8.GetString(kept), cancellationToken);
                continue;
            }

            received.Add(new ReceivedUpdate(reading.Update.Id, TelegramUpdateReader.ChatOf(reading.Update), Encoding.UTF8.GetString(json)));
        }

        var recorded = await store.RecordAsync(received, cancellationToken);
        if (recorded > 0)
        {
            processor.Wake();
        }

        return (recorded, last);
    }
}
