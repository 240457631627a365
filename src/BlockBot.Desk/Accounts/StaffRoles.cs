namespace BlockBot.Desk.Accounts;

public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Lead = "lead";

    public static string ToText(this StaffRole role) => role == StaffRole.Lead ? Lead : Agent;

    public static StaffRole Parse(string text) => TryParse(text, out var role) ? role : throw new FormatException($"Unknown staff role '{text}'");

    public static bool TryParse(string? text, out StaffRole role)
    {
        role = text?.Trim().ToLowerInvariant() switch
        {
            Agent => StaffRole.Agent,
            Lead => StaffRole.Lead,
            _ => (StaffRole)(-1),
        };
        return Enum.IsDefined(role);
    }
}
