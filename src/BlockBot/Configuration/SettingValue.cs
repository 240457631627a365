using System.Text.RegularExpressions;
using BlockBot.Conversation;

namespace BlockBot.Configuration;

/// <summary>How a setting's value appears in an error line: quoted, control characters visible, secrets masked.</summary>
internal static partial class SettingValue
{
    private static readonly string[] SecretWords = ["Token", "Secret", "Password"];

    /// <summary>Tokens, secrets, passwords and the Bitrix24 incoming-webhook URL (its path is the secret).</summary>
    public static bool IsSecret(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..];
        return SecretWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase))
               || key.Equals("BlockBot:Bitrix24:WebhookUrl", StringComparison.OrdinalIgnoreCase);
    }

    public static string Show(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return value.Length == 0 ? "empty" : $"blank ({value.Length} white-space characters)";
        }

        if (IsSecret(key))
        {
            return "'***' (a secret, not shown)";
        }

        if (key.EndsWith(":ConnectionString", StringComparison.OrdinalIgnoreCase))
        {
            value = ConnectionStringPassword().Replace(value, "$1***");
        }

        return "'" + VisibleText.Escape(value) + "'";
    }

    [GeneratedRegex(@"((?:password|pwd)\s*=\s*)(""[^""]*""|'[^']*'|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionStringPassword();
}
