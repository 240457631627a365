using System.Globalization;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>
/// How the domain tables store values SQLite has no type for: moments as UTC text of fixed width (so
/// comparing text compares time), yes/no answers as 0/1.
/// </summary>
internal static class SqlValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string TimeText(DateTimeOffset moment) => moment.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string? TimeText(DateTimeOffset? moment) => moment is { } value ? TimeText(value) : null;

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static DateTimeOffset? ParseOptionalTime(string? text) => text is null ? null : ParseTime(text);

    public static long? Flag(bool? value) => value switch
    {
        null => null,
        true => 1,
        false => 0,
    };

    public static bool? FromFlag(long? value) => value is null ? null : value != 0;
}
