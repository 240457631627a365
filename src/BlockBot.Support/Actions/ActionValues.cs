using System.Globalization;
using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Actions;

/// <summary>Reading typed values and checked arguments from an action's context, with errors that name what is wrong.</summary>
internal static class ActionValues
{
    public static long CaseId(this DialogActionContext context)
    {
        var text = context.RequireValue(ValueNames.CaseId);
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new InvalidOperationException($"The saved value '{ValueNames.CaseId}' is '{text}', not a case id.");
    }

    /// <summary>A yes/no answer the dialog may not have asked: null when it is not saved.</summary>
    public static bool? OptionalYesNo(this DialogActionContext context, string name) =>
        context.Values.TryGetValue(name, out var text) && !string.IsNullOrEmpty(text)
            ? text switch
            {
                ValueNames.Yes => true,
                ValueNames.No => false,
                _ => throw new InvalidOperationException($"The saved value '{name}' is '{text}'; expected '{ValueNames.Yes}' or '{ValueNames.No}'."),
            }
            : null;

    /// <summary>The argument, which must be one of <paramref name="allowed"/>.</summary>
    public static string RequireArgument(this DialogActionContext context, IDialogAction action, string name, IEnumerable<string> allowed)
    {
        var value = context.RequireArgument(name);
        var options = allowed.ToList();
        return options.Contains(value, StringComparer.Ordinal)
            ? value
            : throw new InvalidOperationException(
                $"Action '{action.Name}' got {name}: '{value}'; expected one of: {string.Join(", ", options)}.");
    }

    public static string Text(long id) => id.ToString(CultureInfo.InvariantCulture);
}
