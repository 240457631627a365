using System.Globalization;
using Microsoft.Extensions.Options;

namespace BlockBot.Conversation;

/// <summary>Shows a moment in the configured time zone, in the customer's language: "28 ноября 2026, 14:00 (UTC+3)".</summary>
public sealed class DateDisplay
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly TimeZoneInfo _zone;

    public DateDisplay(IOptions<ConversationOptions> options)
    {
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    }

    public string Format(DateTimeOffset moment, string language)
    {
        var local = TimeZoneInfo.ConvertTime(moment, _zone);
        var culture = language == Languages.English ? English : Russian;
        var offset = local.Offset;
        var zone = offset.Minutes == 0
            ? $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}"
            : $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset:hh\\:mm}";
        return local.ToString("d MMMM yyyy, HH:mm", culture) + $" ({zone})";
    }
}
