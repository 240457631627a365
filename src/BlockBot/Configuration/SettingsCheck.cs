using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using BlockBot.Channels.Bitrix24;
using BlockBot.Channels.WebChat;
using BlockBot.Channels.WebChat.Retention;
using BlockBot.Channels.Console;
using BlockBot.Channels.Telegram;
using BlockBot.Conversation;
using BlockBot.Memory;
using BlockBot.Storage;
using BlockBot.Support.Diagnostics;
using BlockBot.Support.Policy;
using BlockBot.Support.Reminders;
using BlockBot.Support.Transcripts;
using Microsoft.Extensions.Configuration;

namespace BlockBot.Configuration;

/// <summary>
/// Checks every setting before anything is built from it: each value an options class binds must convert to its
/// property's type and keep its DataAnnotations, and the keys below keep their own rule. The first problem becomes a
/// <see cref="ConfigurationException"/> whose one line names the key, the value (secrets masked) and what is allowed.
/// Only keys that are present are checked; rules that span several keys stay with the options' validators.
/// </summary>
public static partial class SettingsCheck
{
    private static readonly (string Section, Type Options)[] OptionsSections =
    [
        (ConversationOptions.Section, typeof(ConversationOptions)),
        (StorageOptions.Section, typeof(StorageOptions)),
        (PeriodsOptions.Section, typeof(PeriodsOptions)),
        (ClearingPolicyOptions.Section, typeof(ClearingPolicyOptions)),
        (TicketGaugeOptions.Section, typeof(TicketGaugeOptions)),
        (RetentionOptions.Section, typeof(RetentionOptions)),
        (ConsoleOptions.Section, typeof(ConsoleOptions)),
        (TelegramOptions.Section, typeof(TelegramOptions)),
        (Bitrix24Options.Section, typeof(Bitrix24Options)),
        (WebChatOptions.Section, typeof(WebChatOptions)),
        (WebChatRetentionOptions.Section, typeof(WebChatRetentionOptions)),
        (MemoryOptions.Section, typeof(MemoryOptions)),
    ];

    private static readonly (string Key, Func<string, IConfiguration, bool> IsValid, string Allowed)[] KeyRules =
    [
        ("BlockBot:TimeZone", (v, _) => TimeZoneInfo.TryFindSystemTimeZoneById(v, out var zone) && zone is not null, "an IANA time zone id, e.g. Europe/Moscow"),
        (BlockBotProgram.HttpUrlsKey, (v, _) => v.Split(';', StringSplitOptions.TrimEntries).All(IsListenUrl), "http(s) addresses to listen on, separated by ';', e.g. http://0.0.0.0:8080"),
        (BlockBotHostBuilderExtensions.StaffChatKey, (v, _) => v.Trim().ToLowerInvariant() is "" or "console" or "telegram" or "bitrix24", "Console, Telegram or Bitrix24"),
        (BlockBotHostBuilderExtensions.OtlpEndpointKey, (v, _) => v.Trim().Length == 0 || IsHttpUrl(v), "an absolute http(s) URL, e.g. http://127.0.0.1:4317"),
        (StorageOptions.Section + ":ConnectionString", IsConnectionString, "for Sqlite: Data Source=<file>; for Postgres: Host=…;Database=…;Username=…;Password=…"),
        (TelegramOptions.TokenKey, (v, _) => TelegramOptions.IsTokenShaped(v), "<digits>:<secret>, as BotFather gives it (remove the key to chat in the console)"),
        (TelegramOptions.Section + ":ApiUrl", (v, _) => IsHttpUrl(v), "an absolute http(s) URL, e.g. https://api.telegram.org"),
        (TelegramOptions.Section + ":WebhookUrl", (v, _) => Uri.TryCreate(v, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, "an absolute https URL Telegram can post to (port 443, 80, 88 or 8443)"),
        (TelegramOptions.Section + ":WebhookSecret", (v, _) => TelegramOptions.IsSecretShaped(v), "1–256 characters of A-Z a-z 0-9 _ -"),
        (Bitrix24Options.Section + ":WebhookUrl", (v, _) => IsHttpUrl(v), "an http(s) URL like https://portal.bitrix24.com/rest/1/secret/"),
        (Bitrix24Options.Section + ":PortalUrl", (v, _) => IsHttpUrl(v), "an http(s) URL like https://portal.bitrix24.com/rest/"),
        (Bitrix24Options.Section + ":PublicEventUrl", (v, _) => IsHttpUrl(v), "the http(s) URL the portal posts events to"),
        (Bitrix24Options.Section + ":OAuthTokenUrl", (v, _) => IsHttpUrl(v), "an http(s) URL, e.g. https://oauth.bitrix.info/oauth/token/"),
        (Bitrix24Options.Section + ":EventPath", (v, _) => v.StartsWith('/'), "a path starting with /, e.g. /bitrix24/events"),
        ("linger", (v, _) => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s is >= 0 and <= 86_400, "seconds from 0 to 86400 (--linger N)"),
    ];

    /// <exception cref="ConfigurationException">A setting cannot be used.</exception>
    public static void ThrowIfInvalid(IConfiguration configuration)
    {
        foreach (var (key, isValid, allowed) in KeyRules)
        {
            if (configuration[key] is { } value && !isValid(value, configuration))
            {
                throw Invalid(key, value, allowed);
            }
        }

        foreach (var (section, options) in OptionsSections)
        {
            foreach (var property in options.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                CheckProperty(configuration, $"{section}:{property.Name}", property);
            }
        }
    }

    private static void CheckProperty(IConfiguration configuration, string key, PropertyInfo property)
    {
        var type = property.PropertyType;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>))
        {
            var element = type.GetGenericArguments()[0];
            foreach (var item in configuration.GetSection(key).GetChildren().Where(c => c.Value is not null))
            {
                Convert(item.Path, item.Value!, element, property);
            }

            return;
        }

        if (configuration[key] is not { } value)
        {
            return;
        }

        var converted = Convert(key, value, type, property);
        if (property.GetCustomAttributes<ValidationAttribute>().Any(a => !a.IsValid(converted)))
        {
            throw Invalid(key, value, Allowed(type, property));
        }
    }

    /// <summary>Converts as the configuration binder does (the type's TypeConverter, invariant culture; empty is null for a nullable).</summary>
    private static object? Convert(string key, string value, Type type, PropertyInfo property)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return value;
        }

        if (target != type && value.Length == 0)
        {
            return null;
        }

        object? converted;
        try
        {
            converted = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            throw Invalid(key, value, Allowed(type, property));
        }

        if (target.IsEnum && (converted is null || !Enum.IsDefined(target, converted) || !Enum.GetNames(target).Contains(value.Trim(), StringComparer.OrdinalIgnoreCase)))
        {
            throw Invalid(key, value, Allowed(type, property));
        }

        return converted;
    }

    private static string Allowed(Type type, PropertyInfo property)
    {
        var target = Nullable.GetUnderlyingType(type) ?? (type.IsGenericType ? type.GetGenericArguments()[0] : type);
        var parts = new List<string>();
        if (target.IsEnum)
        {
            parts.Add("one of " + string.Join(", ", Enum.GetNames(target)));
        }
        else if (target == typeof(TimeSpan))
        {
            parts.Add("a period d.hh:mm:ss");
        }
        else if (target == typeof(int) || target == typeof(long))
        {
            parts.Add("a whole number");
        }
        else if (target == typeof(double))
        {
            parts.Add("a number");
        }
        else if (target == typeof(bool))
        {
            parts.Add("true or false");
        }

        foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
        {
            string? part = attribute switch
            {
                RangeAttribute range => string.Create(CultureInfo.InvariantCulture, $"from {range.Minimum} to {range.Maximum}"),
                RequiredAttribute when target != typeof(string) => null,
                RequiredAttribute => "a value that is not blank",
                StringLengthAttribute length => $"at most {length.MaximumLength} characters",
                RegularExpressionAttribute { Pattern: var pattern } when Alternatives().Match(pattern) is { Success: true } match =>
                    "one of " + match.Groups[1].Value.Replace("|", ", ", StringComparison.Ordinal),
                RegularExpressionAttribute regex => $"matching {regex.Pattern}",
                _ => attribute.GetType().Name.Replace("Attribute", string.Empty, StringComparison.Ordinal),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? "a value" : string.Join(", ", parts);
    }

    private static ConfigurationException Invalid(string key, string value, string allowed) =>
        new($"Configuration: {key} is {SettingValue.Show(key, value)}, which is not allowed; expected {allowed}.");

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Kestrel also takes <c>*</c> and <c>+</c> for "every address".</summary>
    private static bool IsListenUrl(string value) =>
        value.Length > 0 && IsHttpUrl(value.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal));

    private static bool IsConnectionString(string value, IConfiguration configuration)
    {
        var provider = Enum.TryParse<StorageProvider>(configuration[StorageOptions.Section + ":Provider"], ignoreCase: true, out var p) ? p : StorageProvider.Sqlite;
        return StorageConnectionString.Problem(provider, value) is null;
    }

    [GeneratedRegex(@"^\^\(([\w|]+)\)\$$")]
    private static partial Regex Alternatives();
}
