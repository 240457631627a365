using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram;

/// <summary>What the customers and staff of <see cref="TwoProcessProcedureTests"/> should have seen, each check giving every problem it finds.</summary>
public static class ProcedureChecks
{
    public sealed record Periods(TimeSpan AppealFollowUp, TimeSpan PhoneOnly, TimeSpan ChatsOnly);

    /// <summary>A handoff_ticket row.</summary>
    public sealed record Ticket(long Id, string Line, string State, string? HandledBy, string CreatedAt, string? StaffMessageRef);

    /// <summary>Each customer heard the walk in order, each message once; repeats only of sends in flight at the kill, within the bound.</summary>
    public static IEnumerable<string> ChatProblems(IReadOnlyDictionary<WalkingCustomer, ChatReading> readings, int repeatBound)
    {
        foreach (var (customer, reading) in readings.OrderBy(r => r.Key.Number))
        {
            foreach (var problem in reading.Problems)
            {
                yield return $"customer {customer.Number} (chat {customer.ChatId}, {customer.Line}): {problem}";
            }
        }

        // Each of the sender's slots has one chat's sends in flight; those may be several messages (ADR 0019).
        if (readings.Values.Count(r => r.Repeats.Count > 0) is var chats && chats > repeatBound)
        {
            yield return $"{chats} chats got sends repeated, more than the {repeatBound} whose sends can be in flight at once";
        }
    }

    /// <summary>No reminder before it was due: due is one period after the message (or staff press) that scheduled it, at the earliest.</summary>
    public static IEnumerable<string> ReminderProblems(IReadOnlyDictionary<WalkingCustomer, ChatReading> readings, StaffPair staff, Periods periods)
    {
        var doneByLine = staff.Races.Values.Where(r => r.DonePressedAt is not null).ToDictionary(r => r.Line, r => r.DonePressedAt);
        foreach (var (customer, reading) in readings.OrderBy(r => r.Key.Number))
        {
            foreach (var (leg, scheduledAfter, period) in new[]
            {
                (RepeatedBlockWalk.AppealFollowUp, customer.SaidAt(RepeatedBlockWalk.Appealed), periods.AppealFollowUp),
                (RepeatedBlockWalk.PhoneOnlyEnd, doneByLine.GetValueOrDefault(customer.Line), periods.PhoneOnly),
                (RepeatedBlockWalk.ChatsOnlyEnd, customer.SaidAt(RepeatedBlockWalk.Connected), periods.ChatsOnly),
            })
            {
                var index = RepeatedBlockWalk.FirstReplyOf(customer.Legs, leg);
                if (scheduledAfter is { } after && index < reading.Matched.Count && reading.Matched[index] is { } message && message.At < after + period)
                {
                    yield return $"customer {customer.Number}: {leg} came at {message.At:HH:mm:ss.fff}, due no sooner than {after + period:HH:mm:ss.fff}";
                }
            }
        }
    }

    /// <summary>
    /// One ticket per customer, done, by one of the two; the group got its card and nothing else; the card was edited
    /// twice (taken by one member, done by one); of each pair of presses the loser was told no. A second card is the
    /// card's send repeated (<see cref="ChatReading"/>): only for a first card Telegram accepted just before the kill.
    /// </summary>
    public static IEnumerable<string> TicketProblems(
        FakeBotApi fake,
        StaffPair staff,
        IReadOnlyList<WalkingCustomer> customers,
        IReadOnlyList<SentMessage> sent,
        IReadOnlyList<Ticket> tickets,
        DateTimeOffset killBegan,
        DateTimeOffset killedAt)
    {
        foreach (var race in staff.Races.Values.Where(r => !r.ExtraCards.IsEmpty).OrderBy(r => r.TicketId))
        {
            var extra = race.ExtraCards.First();
            var firstInFlight = race.Card.At <= killedAt && race.Card.At >= killBegan - ChatReading.InFlightMargin;
            if (race.ExtraCards.Count > 1 || !firstInFlight || extra.At > killedAt + ChatReading.ResendWithin)
            {
                yield return $"ticket #{race.TicketId} got {race.ExtraCards.Count} more card(s) (#{extra.MessageId} at {extra.At:HH:mm:ss.fff}) after its card #{race.Card.MessageId} of {race.Card.At:HH:mm:ss.fff}, which was not a send in flight at the kill ({killBegan:HH:mm:ss.fff}–{killedAt:HH:mm:ss.fff})";
            }
        }

        var names = StaffPair.Members.Select(m => m.Name).ToHashSet();
        foreach (var line in customers.Select(c => c.Line).Where(line => tickets.Count(t => t.Line == line) != 1))
        {
            yield return $"{line}: {tickets.Count(t => t.Line == line)} tickets, expected one";
        }

        foreach (var other in sent.Where(m => m.ChatId == StaffPair.Chat && !TelegramFlows.IsCard(m)))
        {
            yield return $"the staff group got more than cards: #{other.MessageId} at {other.At:HH:mm:ss.fff}: {other.Text.ReplaceLineEndings(" / ")}";
        }

        foreach (var problem in staff.Races.Values.OrderBy(r => r.TicketId).SelectMany(r => r.Problems))
        {
            yield return problem;
        }

        foreach (var ticket in tickets)
        {
            if (ticket.State != "done" || ticket.HandledBy is null || !names.Contains(ticket.HandledBy))
            {
                yield return $"ticket #{ticket.Id} ({ticket.Line}) ended {ticket.State}, handled by {ticket.HandledBy ?? "nobody"} (created {ticket.CreatedAt}, card message {ticket.StaffMessageRef ?? "none"})";
                continue;
            }

            if (!staff.Races.TryGetValue(ticket.Id, out var race))
            {
                yield return $"ticket #{ticket.Id} ({ticket.Line}) has no card in the staff group";
                continue;
            }

            if (!race.Problems.IsEmpty)
            {
                continue;
            }

            var edits = fake.Edits(race.Card.MessageId).Select(e => FakeBotApi.Shown(e).Split('\n')[^1]).ToList();
            var taker = edits.Count > 0 ? names.SingleOrDefault(n => edits[0] == $"Ticket #{ticket.Id}: taken by {n}") : null;
            if (taker is null || edits.Count != 2 || edits[1] != $"Ticket #{ticket.Id}: done by {ticket.HandledBy}")
            {
                yield return $"ticket #{ticket.Id} ({ticket.Line}): card edits [{string.Join(" | ", edits)}], expected taken by one member, then done by {ticket.HandledBy}";
                continue;
            }

            foreach (var problem in RaceProblems(fake, ticket.Id, "take", race.TakePresses, taker, $"You took ticket #{ticket.Id}.")
                         .Concat(RaceProblems(fake, ticket.Id, "done", race.DonePresses, ticket.HandledBy, $"Ticket #{ticket.Id} is done.")))
            {
                yield return problem;
            }
        }
    }

    /// <summary>Of two presses at once, at most one is told it succeeded, and the loser is told no.</summary>
    private static IEnumerable<string> RaceProblems(FakeBotApi fake, long ticketId, string verb, IReadOnlyList<string> presses, string winner, string success)
    {
        var answers = StaffPair.Members.Select((m, i) => (m.Name, Texts: fake.Answers(presses[i]).Select(a => a.Body["text"]?.GetValue<string>() ?? string.Empty).ToList())).ToList();
        var told = string.Join("; ", answers.Select(a => $"{a.Name}: [{string.Join(" | ", a.Texts)}]"));
        // A press redelivered after a crash is answered again, and its presser told the same success twice: that is
        // one member told, not both.
        if (answers.Count(a => a.Texts.Contains(success)) > 1)
        {
            yield return $"ticket #{ticketId}: both {verb} presses were told they succeeded ({told})";
        }

        var loser = answers.Single(a => a.Name != winner);
        if (loser.Texts.Count == 0 || loser.Texts.Contains(success))
        {
            yield return $"ticket #{ticketId}: {loser.Name} lost the {verb} race to {winner} but was not told no ({told})";
        }
    }
}
