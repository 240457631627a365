using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Cases;

/// <summary>One reported block of one customer's line, followed through the procedure until it is closed.</summary>
public sealed record BlockCase
{
    public required long Id { get; init; }

    public required CustomerId Customer { get; init; }

    public required string Line { get; init; }

    public required bool? CrmMarketing { get; init; }

    public required bool? Repeated { get; init; }

    /// <summary>One of <see cref="CaseStages"/>.</summary>
    public required string Stage { get; init; }

    /// <summary>One of <see cref="CaseOutcomes"/> once the case is closed; null while it is open.</summary>
    public string? Outcome { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public bool IsOpen => ClosedAt is null;
}
