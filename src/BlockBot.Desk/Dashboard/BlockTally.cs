namespace BlockBot.Desk.Dashboard;

/// <summary>The blocks reported in a period: per day, in all, and how many answered the CRM-marketing question (and "yes").</summary>
public sealed record BlockTally(IReadOnlyList<BlocksOnDay> Days, int Blocks, int CrmAnswered, int AfterCrm);
