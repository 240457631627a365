using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>A <c>support_case</c> row as Dapper reads it.</summary>
internal sealed class CaseRow
{
    public const string Columns =
        "id AS Id, customer_key AS CustomerKey, line AS Line, crm_marketing AS CrmMarketing, repeated AS Repeated, " +
        "stage AS Stage, outcome AS Outcome, created_at AS CreatedAt, updated_at AS UpdatedAt, closed_at AS ClosedAt";

    public long Id { get; set; }

    public string CustomerKey { get; set; } = string.Empty;

    public string Line { get; set; } = string.Empty;

    public long? CrmMarketing { get; set; }

    public long? Repeated { get; set; }

    public string Stage { get; set; } = string.Empty;

    public string? Outcome { get; set; }

    public string CreatedAt { get; set; } = string.Empty;

    public string UpdatedAt { get; set; } = string.Empty;

    public string? ClosedAt { get; set; }

    public BlockCase ToCase() => new BlockCase
    {
        Id = Id,
        Customer = CustomerId.Parse(CustomerKey),
        Line = Line,
        CrmMarketing = SqlValues.FromFlag(CrmMarketing),
        Repeated = SqlValues.FromFlag(Repeated),
        Stage = Stage,
        Outcome = Outcome,
        CreatedAt = SqlValues.ParseTime(CreatedAt),
        UpdatedAt = SqlValues.ParseTime(UpdatedAt),
        ClosedAt = SqlValues.ParseOptionalTime(ClosedAt),
    };
}
