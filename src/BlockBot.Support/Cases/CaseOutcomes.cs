namespace BlockBot.Support.Cases;

/// <summary>How a case ended; <c>close_case</c> takes one of these, and a closed case's stage becomes its outcome.</summary>
public static class CaseOutcomes
{
    public const string Resolved = CaseStages.Resolved;
    public const string Refused = CaseStages.Refused;
    public const string Cancelled = CaseStages.Cancelled;

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Resolved, Refused, Cancelled };
}
