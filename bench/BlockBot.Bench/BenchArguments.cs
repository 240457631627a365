using System.Globalization;

namespace BlockBot.Bench;

/// <summary>The bench modes' command lines: <c>--name value</c> pairs applied one by one to a mode's options record.</summary>
public static class BenchArguments
{
    /// <param name="apply">The options with one pair applied, or null when the name is unknown or the value bad.</param>
    /// <returns>The options, or null with <paramref name="error"/> set.</returns>
    public static T? Parse<T>(IReadOnlyList<string> args, T defaults, Func<T, string, string, T?> apply, out string? error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(apply);
        var options = defaults;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            if (apply(options, name, value) is not { } next)
            {
                error = $"Unknown option or bad value: {name} {value}";
                return null;
            }

            options = next;
        }

        return options;
    }

    public static int? PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
