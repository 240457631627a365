using System.ComponentModel.DataAnnotations;

namespace BlockBot.Desk;

/// <summary><c>BlockBot:Desk</c>: the staff desk's sign-in rules and how often it looks for ticket changes.</summary>
public sealed class DeskOptions
{
    public const string Section = "BlockBot:Desk";

    /// <summary>Wrong passwords in a row that lock an account.</summary>
    [Range(1, 100)]
    public int AllowedFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    [Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>How long a desk session lasts without use.</summary>
    [Range(5, 7 * 24 * 60)]
    public int SessionMinutes { get; set; } = 12 * 60;

    /// <summary>How often each instance reads the ticket change counter while a desk page is open.</summary>
    [Range(50, 5000)]
    public int ChangePollMilliseconds { get; set; } = 300;
}
