using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BlockBot.Channels.Telegram.Staff;
using BlockBot.Tests.Infrastructure;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>
/// Two staff members in the group, each pressing through a different bot process: on every new ticket card both
/// press Take at the same moment and, once the card shows the ticket taken, both press Done. Of each pair of
/// presses exactly one may apply; the other is to be refused.
/// </summary>
public sealed partial class StaffPair(FakeBotApi fake, WebhookFront front, ChatFeed feed, Func<long> nextUpdateId)
{
    public const long Chat = TelegramBot.StaffChat;

    private readonly ConcurrentDictionary<long, TicketRace> _races = new();

    /// <summary>Anna presses through process 0, Boris through process 1 (each falls back to the other when it is down).</summary>
    public static IReadOnlyList<StaffMember> Members { get; } = [new(501, "Anna"), new(502, "Boris")];

    public IReadOnlyDictionary<long, TicketRace> Races => _races;

    /// <summary>Works every card posted in the group, each as soon as it appears, until <paramref name="untilOver"/> is cancelled.</summary>
    public async Task WorkAsync(FirstFailure failure, TimeSpan patience, CancellationToken untilOver)
    {
        var read = 0;
        var working = new List<Task>();
        using var either = CancellationTokenSource.CreateLinkedTokenSource(failure.Token, untilOver);
        try
        {
            while (true)
            {
                if (await feed.WaitForAsync(Chat, read, TelegramFlows.IsCard, patience, either.Token) is { } card)
                {
                    read = card.Position + 1;
                    working.Add(failure.GuardAsync(token => RaceAsync(card.Message, patience, token)));
                }
            }
        }
        catch (OperationCanceledException) when (untilOver.IsCancellationRequested)
        {
            // Every customer is through (or stuck): no more cards to wait for.
        }

        await Task.WhenAll(working);
    }

    private async Task RaceAsync(SentMessage card, TimeSpan patience, CancellationToken cancellationToken)
    {
        var ticketId = long.Parse(TicketNumber().Match(card.Text).Groups[1].Value, CultureInfo.InvariantCulture);
        var race = new TicketRace(ticketId, LineOf().Match(card.Text).Groups[1].Value.Trim(), card);
        if (!_races.TryAdd(ticketId, race))
        {
            // Staff keep working the first card; whether a second one may exist is the checks' call (the kill's window).
            _races[ticketId].ExtraCards.Enqueue(card);
            return;
        }

        race.TakePresses = await PressTogetherAsync(card, new StaffCallback(StaffCallback.Take, ticketId), cancellationToken);
        var deadline = DateTimeOffset.UtcNow + patience;
        while (!fake.Edits(card.MessageId).Any(e => FakeBotApi.Shown(e).Contains($"Ticket #{ticketId}: taken by ", StringComparison.Ordinal)))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                var told = race.TakePresses.Select((id, i) => $"{Members[i].Name}: [{string.Join(" | ", fake.Answers(id).Select(a => a.Body["text"]?.GetValue<string>()))}]");
                race.Problems.Enqueue($"ticket #{ticketId} ({race.Line}): the card did not show it taken within {patience.TotalSeconds} s of the Take presses (answers: {string.Join("; ", told)}); staff pressed nothing more");
                return;
            }

            await Task.Delay(50, cancellationToken);
        }

        race.DonePressedAt = DateTimeOffset.UtcNow;
        race.DonePresses = await PressTogetherAsync(card, new StaffCallback(StaffCallback.Done, ticketId), cancellationToken);
    }

    /// <returns>The callback query id of each member's press, in <see cref="Members"/> order.</returns>
    private async Task<IReadOnlyList<string>> PressTogetherAsync(SentMessage card, StaffCallback callback, CancellationToken cancellationToken)
    {
        var presses = Members.Select(m =>
        {
            var press = Updates.Press(card, m.UserId, callback.Data, m.Name);
            press["update_id"] = nextUpdateId();
            return press;
        }).ToList();
        await Task.WhenAll(presses.Select((press, i) => front.PostAsync(press, i % front.Count, cancellationToken)));
        return presses.Select(CallbackQueryId).ToList();
    }

    private static string CallbackQueryId(JsonObject press) => press["callback_query"]!["id"]!.GetValue<string>();

    [GeneratedRegex(@"^Ticket #(\d+)")]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"^Line: (.*)$", RegexOptions.Multiline)]
    private static partial Regex LineOf();

    public sealed record StaffMember(long UserId, string Name);

    /// <summary>One ticket's card and the presses on it.</summary>
    public sealed record TicketRace(long TicketId, string Line, SentMessage Card)
    {
        public IReadOnlyList<string> TakePresses { get; set; } = [];

        public IReadOnlyList<string> DonePresses { get; set; } = [];

        /// <summary>When the Done presses left: the phone_only_end reminder is scheduled after this.</summary>
        public DateTimeOffset? DonePressedAt { get; set; }

        /// <summary>Cards for the same ticket after the first.</summary>
        public ConcurrentQueue<SentMessage> ExtraCards { get; } = new();

        /// <summary>What went wrong while staff worked the ticket.</summary>
        public ConcurrentQueue<string> Problems { get; } = new();
    }
}
