using BlockBot.Support.Cases;
using BlockBot.Support.Reminders;
using BlockBot.Support.Tickets;

namespace BlockBot.Support.Customers;

/// <summary>The keys of <c>texts.yaml</c> that <c>/status</c> says about a case, its next reminder and its ticket.</summary>
public static class StatusTexts
{
    public const string Case = "status_case";
    public const string Reminder = "status_reminder";
    public const string Ticket = "status_ticket";
    public const string TicketScheduled = "status_ticket_scheduled";

    public static string StageOf(string stage) => "stage_" + stage;

    public static string ReminderOf(string reminderEvent) => "reminder_" + reminderEvent;

    public static string TicketStateOf(string state) => "ticket_state_" + state;

    /// <summary>Every key above, for each stage, reminder and ticket state.</summary>
    public static IEnumerable<string> All() =>
        new[] { Case, Reminder, Ticket, TicketScheduled }
            .Concat(CaseStages.All.Select(StageOf))
            .Concat(ReminderScheduler.Events.Select(ReminderOf))
            .Concat(Enum.GetValues<TicketState>().Select(s => TicketStateOf(s.ToText())));
}
