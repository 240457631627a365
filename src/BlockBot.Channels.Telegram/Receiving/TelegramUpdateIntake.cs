using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BlockBot.Channels.Telegram.Inbox;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>
/// What polling and the webhook do with the updates they receive: each is read on its own; the ones that cannot be
/// handled are quarantined, the others recorded in the inbox as the JSON received (the webhook), or handed to the
/// processor in memory and recorded by their turns (polling). Either way each is taken, so the offset (or the
/// webhook's 200) moves on.
/// </summary>
public sealed class TelegramUpdateIntake(
    ITelegramStore store,
    TelegramQuarantine quarantine,
    TelegramInboxProcessor processor,
    IOptions<TelegramOptions> options)
{
    // What a quarantined update over the size limit keeps of itself, enough to recognise it.
    private const int KeptOfTooLarge = 4096;

    // How long polling waits for the updates it handed over to be saved before it records the rest itself: a turn that
    // hangs (a slow Bot API call inside it) must not hold up every other chat's updates.
    private static readonly TimeSpan HandOverPatience = TimeSpan.FromSeconds(2);

    /// <summary>The webhook's way: what can be handled is recorded, the processor woken for it.</summary>
    /// <returns>How many updates were new to the inbox, and the highest update id read (null when none had one).</returns>
    public async Task<(int Recorded, long? LastUpdateId)> TakeAsync(IReadOnlyList<JsonElement> updates, CancellationToken cancellationToken)
    {
        var (received, last) = await ReadAsync(updates, cancellationToken);
        return (await RecordAsync([.. received.Select(r => r.Update)], cancellationToken), last);
    }

    /// <summary>
    /// Polling's way (ADR 0029): what can be handled goes to the processor in memory, unrecorded, and each of those turns
    /// records its update as it saves it. What the processor cannot start at once (no turn slot free, its chat being
    /// handled), or does not save within <see cref="HandOverPatience"/>, is recorded here. Returns once every update
    /// read is saved one way or the other, so the batch may be confirmed.
    /// </summary>
    /// <returns>The highest update id read (null when none had one).</returns>
    public async Task<long?> HandOverAsync(IReadOnlyList<JsonElement> updates, CancellationToken cancellationToken)
    {
        var (received, last) = await ReadAsync(updates, cancellationToken);
        var handedOver = received.Select(r => new HandedOverUpdate(r.Update, r.Read)).ToList();
        var refused = processor.HandOver(handedOver);
        await RecordAsync([.. refused.Select(u => u.Update)], cancellationToken);

        var taken = handedOver.Except(refused).ToList();
        try
        {
            await Task.WhenAll(taken.Select(u => u.Saved)).WaitAsync(HandOverPatience, cancellationToken);
        }
        catch (TimeoutException)
        {
        }

        // Recorded while their turns may still run: whichever commits second finds the other's row (an update recorded
        // twice is ignored; a turn marks a recorded update handled).
        await RecordAsync([.. taken.Where(u => u.Saved is not { IsCompletedSuccessfully: true, Result: true }).Select(u => u.Update)], cancellationToken);
        return last;
    }

    private async Task<(List<(ReceivedUpdate Update, Update Read)> Received, long? LastUpdateId)> ReadAsync(IReadOnlyList<JsonElement> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var received = new List<(ReceivedUpdate, Update)>(updates.Count);
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

            received.Add((new ReceivedUpdate(reading.Update.Id, TelegramUpdateReader.ChatOf(reading.Update), Encoding.UTF8.GetString(json)), reading.Update));
        }

        return (received, last);
    }

    private async Task<int> RecordAsync(IReadOnlyCollection<ReceivedUpdate> received, CancellationToken cancellationToken)
    {
        var recorded = await store.RecordAsync(received, cancellationToken);
        if (recorded > 0)
        {
            processor.Wake();
        }

        return recorded;
    }
}
