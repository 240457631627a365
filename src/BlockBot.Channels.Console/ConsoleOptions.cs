using System.ComponentModel.DataAnnotations;

namespace BlockBot.Channels.Console;

/// <summary><c>BlockBot:Console</c>: the local terminal chat.</summary>
public sealed class ConsoleOptions
{
    public const string Section = "BlockBot:Console";

    /// <summary>The console customer's id; stable, so a second run continues the same conversation.</summary>
    [Required(AllowEmptyStrings = false)]
    public string UserId { get; set; } = "local";

    /// <summary>Display name of the staff member acting with /staff commands.</summary>
    [Required(AllowEmptyStrings = false)]
    public string StaffName { get; set; } = "Console staff";

    /// <summary>When input is scripted: how long to stay after the last line so that due reminders print (also <c>--linger N</c>).</summary>
    [Range(0, 86_400)]
    public double LingerSeconds { get; set; }
}
