using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Dialogs.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Conversation.Engine;

/// <summary>Holds the validated dialogs. They load when the host starts, so a broken file stops it before any chat.</summary>
public sealed class DialogSetProvider(
    DialogSetLoader loader,
    IOptions<ConversationOptions> options,
    IHostEnvironment environment,
    ILogger<DialogSetProvider> logger)
{
    private DialogSet? _current;

    public DialogSet Current => _current ?? Load();

    /// <summary>The dialogs folder: as configured if absolute, else the first that exists under the working folder, the content root, the program folder.</summary>
    public string Directory
    {
        get
        {
            var configured = options.Value.DialogsPath;
            if (Path.IsPathRooted(configured))
            {
                return configured;
            }

            string[] candidates =
            [
                Path.Combine(Environment.CurrentDirectory, configured),
                Path.Combine(environment.ContentRootPath, configured),
                Path.Combine(AppContext.BaseDirectory, configured),
            ];
            return candidates.FirstOrDefault(System.IO.Directory.Exists) ?? candidates[^1];
        }
    }

    public DialogSet Load()
    {
        var set = loader.Load(Directory);
        _current = set;
        logger.LogInformation("Loaded {DialogCount} dialogs and {TextCount} texts from {DialogsPath}", set.Dialogs.Count, set.Texts.Count, Directory);
        return set;
    }
}
