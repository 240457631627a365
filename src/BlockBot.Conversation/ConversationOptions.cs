using System.ComponentModel.DataAnnotations;

namespace BlockBot.Conversation;

/// <summary>Keys directly under <c>BlockBot</c> that shape the conversation.</summary>
public sealed class ConversationOptions
{
    public const string Section = "BlockBot";

    /// <summary>Folder of the dialog files; relative paths resolve against the content root, then the program folder.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DialogsPath { get; set; } = "dialogs";

    /// <summary>IANA time zone in which dates are shown to customers and staff.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Europe/Moscow";

    /// <summary>Language for customers whose channel gives no locale.</summary>
    [RegularExpression("^(ru|en)$")]
    public string DefaultLanguage { get; set; } = "ru";

    /// <summary>Messages longer than this get a polite "please be brief" instead of being processed.</summary>
    [Range(100, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;
}
