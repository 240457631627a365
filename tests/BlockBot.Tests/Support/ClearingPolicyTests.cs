using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Policy;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Options;

namespace BlockBot.Tests.Support;

/// <summary>
/// The clearing policy with its defaults (5-day gap, at most 2 in any 30 days), fed the way the domain
/// feeds it: the line's tickets reduced to their clearing slots.
/// </summary>
public sealed class ClearingPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ClearingPolicy _policy = new(Options.Create(new ClearingPolicyOptions()));

    // Each earlier ticket is "<opens, days from now> <state>[ done <closed, days from now>]".
    [Theory]
    [InlineData("first clearing of the line", "", 0)]
    [InlineData("4 days after one: 5 days after it", "-4 done", 1)]
    [InlineData("exactly 5 days after one: now", "-5 done", 0)]
    [InlineData("open one 2 days ago holds its slot", "-2 open", 3)]
    [InlineData("taken one 1 day ago holds its slot", "-1 taken", 4)]
    [InlineData("done ticket counts from when it was done", "-9 done -3", 2)]
    [InlineData("two in the last 30 days: when the older leaves the window", "-20 done; -10 done", 10)]
    [InlineData("two, the older already out of the window: now", "-31 done; -10 done", 0)]
    [InlineData("a declined one does not count", "-2 declined", 0)]
    [InlineData("a withdrawn one does not count", "-1 withdrawn", 0)]
    [InlineData("declined does not count towards the window either", "-20 done; -10 declined", 0)]
    [InlineData("a scheduled future one blocks the days around it", "3 scheduled", 8)]
    [InlineData("far enough before a scheduled one: now", "5 scheduled", 0)]
    [InlineData("opened 14 days ago but done 12 days ago, and one 20 days ago", "-20 done; -14 done -12", 10)]
    [InlineData("a done and a scheduled one fill the window: when the done one leaves it", "-3 done; 4 scheduled", 27)]
    public void Earliest_clearing(string situation, string earlierTickets, int expectedDaysFromNow)
    {
        var slots = Parse(earlierTickets).Where(t => t.HoldsClearingSlot).Select(t => t.ClearingTime).ToList();

        var earliest = _policy.EarliestAllowed(slots, Now);

        Assert.True(Now.AddDays(expectedDaysFromNow) == earliest, $"{situation}: expected +{expectedDaysFromNow} d, got {earliest - Now}");
    }

    [Fact]
    public void The_earliest_date_itself_keeps_the_rule()
    {
        IReadOnlyList<DateTimeOffset> slots = [Now.AddDays(-29), Now.AddDays(-24), Now.AddDays(2)];

        var earliest = _policy.EarliestAllowed(slots, Now);

        Assert.True(_policy.IsAllowed(slots, earliest));
        Assert.False(_policy.IsAllowed(slots, earliest.AddTicks(-1)));
    }

    private static IEnumerable<HandoffTicket> Parse(string tickets) =>
        tickets.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(text =>
        {
            var parts = text.Split(' ');
            var opensAt = Now.AddDays(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
            var state = TicketStates.Parse(parts[1]);
            DateTimeOffset? closedAt = parts.Length > 2 ? Now.AddDays(int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture)) : null;
            if (state is TicketState.Done or TicketState.Declined or TicketState.Withdrawn)
            {
                closedAt ??= opensAt;
            }

            return new HandoffTicket
            {
                Id = 1,
                Kind = TicketKind.QueueClearing,
                State = state,
                Customer = new CustomerId("telegram", "1"),
                CaseId = 1,
                Line = "Sales",
                CrmMarketing = null,
                Repeated = null,
                CustomerLanguage = "ru",
                CreatedAt = opensAt.AddDays(-1),
                OpensAt = opensAt,
                ClosedAt = closedAt,
            };
        });
}
