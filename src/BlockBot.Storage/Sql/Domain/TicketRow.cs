using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Tickets;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>A <c>handoff_ticket</c> row as Dapper reads it.</summary>
internal sealed class TicketRow
{
    public const string Columns =
        "id AS Id, kind AS Kind, state AS State, customer_key AS CustomerKey, case_id AS CaseId, line AS Line, " +
        "crm_marketing AS CrmMarketing, repeated AS Repeated, customer_language AS CustomerLanguage, created_at AS CreatedAt, " +
        "opens_at AS OpensAt, handled_by AS HandledBy, decline_reason AS DeclineReason, taken_at AS TakenAt, closed_at AS ClosedAt, " +
        "staff_message_ref AS StaffMessageRef";

    public long Id { get; set; }

    public string Kind { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string CustomerKey { get; set; } = string.Empty;

    public long? CaseId { get; set; }

    public string? Line { get; set; }

    public long? CrmMarketing { get; set; }

    public long? Repeated { get; set; }

    public string CustomerLanguage { get; set; } = string.Empty;

    public string CreatedAt { get; set; } = string.Empty;

    public string OpensAt { get; set; } = string.Empty;

    public string? HandledBy { get; set; }

    public string? DeclineReason { get; set; }

    public string? TakenAt { get; set; }

    public string? ClosedAt { get; set; }

    public string? StaffMessageRef { get; set; }

    public HandoffTicket ToTicket() => new HandoffTicket
    {
        Id = Id,
        Kind = TicketKinds.Parse(Kind),
        State = TicketStates.Parse(State),
        Customer = CustomerId.Parse(CustomerKey),
        CaseId = CaseId,
        Line = Line,
        CrmMarketing = SqlValues.FromFlag(CrmMarketing),
        Repeated = SqlValues.FromFlag(Repeated),
        CustomerLanguage = CustomerLanguage,
        CreatedAt = SqlValues.ParseTime(CreatedAt),
        OpensAt = SqlValues.ParseTime(OpensAt),
        HandledBy = HandledBy,
        DeclineReason = DeclineReason,
        TakenAt = SqlValues.ParseOptionalTime(TakenAt),
        ClosedAt = SqlValues.ParseOptionalTime(ClosedAt),
        StaffMessageRef = StaffMessageRef,
    };
}
