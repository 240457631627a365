using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Understanding;
using BlockBot.Support.Cases;
using BlockBot.Support.Policy;
using BlockBot.Support.Reminders;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Customers;

/// <summary>
/// The facts an answer may name about the customer: their line (the one the dialog saved, else their open or latest
/// case's), when that line's next queue clearing is allowed under the policy, and the date of the case's next reminder.
/// </summary>
public sealed class CustomerFacts(
    ICaseRepository cases,
    ITicketRepository tickets,
    ClearingPolicy policy,
    ReminderScheduler reminders,
    DateDisplay dates,
    TimeProvider time) : ICustomerFacts
{
    public async Task<IReadOnlyDictionary<string, string>> GetAsync(
        CustomerId customer, IReadOnlyDictionary<string, string> saved, string language, CancellationToken cancellationToken)
    {
        var facts = new Dictionary<string, string>(saved, StringComparer.Ordinal);
        var openCase = await cases.FindOpenAsync(customer, cancellationToken);
        var line = saved.GetValueOrDefault("line") is { Length: > 0 } savedLine ? savedLine
            : openCase?.Line ?? (await cases.ListForCustomerAsync(customer, cancellationToken)).MaxBy(c => c.CreatedAt)?.Line;
        if (line is null)
        {
            return facts;
        }

        facts["line"] = line;
        var now = time.GetUtcNow();
        var slots = (await tickets.ListForLineAsync(customer, line, cancellationToken))
            .Where(t => t.HoldsClearingSlot)
            .Select(t => t.ClearingTime)
            .ToList();
        var next = policy.EarliestAllowed(slots, now);
        if (next <= now)
        {
            facts["clearing_now"] = "yes";
        }
        else
        {
            facts["next_clearing"] = dates.Format(next, language);
        }

        if (openCase is not null && await reminders.NextAsync(openCase.Id, cancellationToken) is { } reminder)
        {
            facts["reminder_date"] = dates.Format(reminder.Due, language);
        }

        return facts;
    }
}
