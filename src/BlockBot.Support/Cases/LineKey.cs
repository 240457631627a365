namespace BlockBot.Support.Cases;

/// <summary>
/// How two spellings of a line name are recognised as the same line: trimmed, Unicode-normalised,
/// compared without case. Customers type the name themselves ("Sales", " sales "), and we know no
/// portal or line id, so the customer key plus this form stands in for the line everywhere the
/// domain groups by line (case history, the clearing policy).
/// </summary>
public static class LineKey
{
    public static string Of(string line) => line.Trim().Normalize().ToLowerInvariant();
}
