namespace BlockBot.Support.Tickets;

/// <summary>The text forms of <see cref="TicketKind"/> used in dialog files, the database and staff cards.</summary>
public static class TicketKinds
{
    public const string QueueClearing = "queue_clearing";
    public const string VmChange = "vm_change";
    public const string GeneralQuestion = "general_question";

    public static string ToText(this TicketKind kind) => kind switch
    {
        TicketKind.QueueClearing => QueueClearing,
        TicketKind.VmChange => VmChange,
        TicketKind.GeneralQuestion => GeneralQuestion,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown ticket kind."),
    };

    public static bool TryParse(string? text, out TicketKind kind)
    {
        switch (text)
        {
            case QueueClearing:
                kind = TicketKind.QueueClearing;
                return true;
            case VmChange:
                kind = TicketKind.VmChange;
                return true;
            case GeneralQuestion:
                kind = TicketKind.GeneralQuestion;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    public static TicketKind Parse(string text) =>
        TryParse(text, out var kind) ? kind : throw new FormatException($"Not a ticket kind: '{text}'.");

    /// <summary>Queue clearing and VM change (which includes a queue clearing) share the line's clearing limit.</summary>
    public static bool IsClearing(this TicketKind kind) => kind is TicketKind.QueueClearing or TicketKind.VmChange;
}
