namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A named domain action that a dialog's <c>do:</c> step runs. Actions live beside the domain
/// (BlockBot.Support); the dialog engine only knows them by name.
/// </summary>
public interface IDialogAction
{
    /// <summary>The name a dialog file uses, e.g. <c>handoff</c>.</summary>
    string Name { get; }

    /// <summary>Argument names the action accepts in a step's <c>with:</c> map; others fail validation.</summary>
    IReadOnlySet<string> Arguments { get; }

    /// <summary>Checks a step's argument values when the dialogs load; returns what is wrong, or null.</summary>
    string? CheckArguments(IReadOnlyDictionary<string, string> arguments) => null;

    Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken);
}
