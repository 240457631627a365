using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Cases;

/// <summary>One reported block of one customer's line, followed through the procedure until it is closed.</summary>
/// <param name="Stage">One of <see cref="CaseStages"/>.</param>
/// <param name="Outcome">One of <see cref="CaseOutcomes"/> once the case is closed; null while it is open.</param>
public sealed record BlockCase(
    long Id,
    CustomerId Customer,
    string Line,
    bool? CrmMarketing,
    bool? Repeated,
    string Stage,
    string? Outcome,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    public bool IsOpen => ClosedAt is null;
}
