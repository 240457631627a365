namespace BlockBot.Support.Actions;

/// <summary>Names of the saved values the actions read and write (docs/dialog-format.md, "Actions").</summary>
public static class ValueNames
{
    public const string Line = "line";
    public const string Crm = "crm";
    public const string Repeated = "repeated";
    public const string CaseId = "case_id";
    public const string RepeatedGuess = "repeated_guess";
    public const string PreviousBlock = "previous_block";
    public const string Clearing = "clearing";
    public const string ClearingDate = "clearing_date";
    public const string TicketId = "ticket_id";
    public const string ReminderDate = "reminder_date";

    public const string Yes = "yes";
    public const string No = "no";
    public const string Opened = "opened";
    public const string Scheduled = "scheduled";
}
