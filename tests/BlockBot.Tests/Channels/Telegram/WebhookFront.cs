using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BlockBot.Channels.Telegram.Receiving;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Telegram's side of a webhook with several bot processes behind it (a load balancer): each update is posted
/// to the process it is meant for and, when that one is down or does not answer 200, to the next; as Telegram
/// does, it keeps trying until one takes it. Processes can be killed and started again in their slot.
/// </summary>
public sealed class WebhookFront(IReadOnlyList<Func<string, Task<BotProcess>>> starters, string secret) : IAsyncDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly BotProcess?[] _slots = new BotProcess?[starters.Count];
    private readonly List<BotProcess> _all = [];
    private readonly ConcurrentDictionary<string, int> _taken = new();

    public int Count => _slots.Length;

    /// <summary>How many updates each process took (answered 200 to), by process name.</summary>
    public IReadOnlyDictionary<string, int> Taken => _taken;

    public IReadOnlyList<BotProcess> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    public BotProcess this[int slot] => _slots[slot] ?? throw new InvalidOperationException($"Slot {slot} has no process.");

    public async Task StartAsync(int slot, string name)
    {
        var process = await starters[slot](name);
        lock (_all)
        {
            _all.Add(process);
        }

        Volatile.Write(ref _slots[slot], process);
    }

    public async Task KillAsync(int slot)
    {
        var process = this[slot];
        await process.KillAsync();
    }

    /// <summary>Posts the update to the process in <paramref name="preferred"/> first; returns the name of the one that took it.</summary>
    public async Task<string> PostAsync(JsonObject update, int preferred, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        for (var round = 0; ; round++)
        {
            for (var attempt = 0; attempt < _slots.Length; attempt++)
            {
                if (Volatile.Read(ref _slots[(preferred + attempt) % _slots.Length]) is not { HasExited: false } target)
                {
                    continue;
                }

                if (await TryPostAsync(target, update, cancellationToken))
                {
                    _taken.AddOrUpdate(target.Name, 1, (_, n) => n + 1);
                    return target.Name;
                }
            }

            Assert.True(DateTimeOffset.UtcNow - started < GiveUpAfter, $"No bot process took update {update["update_id"]} in {GiveUpAfter.TotalSeconds} s.");
            await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(round + 1, 10)), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in All)
        {
            await process.DisposeAsync();
        }
    }

    private async Task<bool> TryPostAsync(BotProcess target, JsonObject update, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(target.Url, "/telegram/hook")) { Content = JsonContent.Create(update) };
        request.Headers.Add(TelegramWebhookEndpoint.SecretHeader, secret);
        try
        {
            using var response = await target.Http.SendAsync(request, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            // Killed while the request was under way: whether it recorded the update or not, the next process may
            // get it too, and the update id makes it count once.
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
