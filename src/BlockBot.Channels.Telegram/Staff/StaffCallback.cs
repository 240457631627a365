using System.Globalization;

namespace BlockBot.Channels.Telegram.Staff;

/// <summary>A card button's callback data: <c>ticket:&lt;verb&gt;:&lt;id&gt;</c>.</summary>
public sealed record StaffCallback(string Verb, long TicketId)
{
    public const string Take = "take";
    public const string Done = "done";
    public const string Decline = "decline";

    private const string Prefix = "ticket:";

    public string Data => $"{Prefix}{Verb}:{TicketId.ToString(CultureInfo.InvariantCulture)}";

    public static StaffCallback? Parse(string? data)
    {
        if (data is null || !data.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = data[Prefix.Length..].Split(':');
        return parts.Length == 2
            && parts[0] is Take or Done or Decline
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new StaffCallback(parts[0], id)
            : null;
    }
}
