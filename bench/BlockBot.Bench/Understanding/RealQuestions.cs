using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Understanding;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot.Bench.Understanding;

/// <summary>
/// The repository's dialogs/ and the program's understanding settings (appsettings.json at the repository root),
/// loaded as the program loads them.
/// </summary>
public sealed class RealQuestions : IDisposable
{
    private readonly ServiceProvider _services;

    private RealQuestions(ServiceProvider services, string dialogsPath)
    {
        _services = services;
        DialogsPath = dialogsPath;
    }

    public string DialogsPath { get; }

    public MessageInterpreter Interpreter => _services.GetRequiredService<MessageInterpreter>();

    public UnderstandingOptions Thresholds => _services.GetRequiredService<IOptions<UnderstandingOptions>>().Value;

    public static RealQuestions Open(string repositoryRoot)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(repositoryRoot, "appsettings.json"), optional: true)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlockBotCore(configuration);
        services.AddSingleton<IStaffChat, AutoStaffChat>(); // dialog actions need one; nothing is posted
        return new RealQuestions(services.BuildServiceProvider(), Path.Combine(repositoryRoot, "dialogs"));
    }

    /// <summary>The questions file's entries, parsed only: no index is built.</summary>
    public IReadOnlyList<QuestionEntry> ParseEntries()
    {
        var path = Path.Combine(DialogsPath, DialogSetLoader.QuestionsFileName);
        var problems = new List<DialogProblem>();
        using var reader = File.OpenText(path);
        var entries = DialogFileParser.ParseQuestions(path, reader, problems);
        if (entries is null || problems.Count > 0)
        {
            throw new DialogLoadException(problems);
        }

        return entries;
    }

    /// <summary>The whole dialogs folder, validated, with its questions indexed: what the program holds after start.</summary>
    public DialogSet LoadDialogs() =>
        new DialogSetLoader(_services.GetServices<IDialogAction>(), _services.GetRequiredService<IKnownEvents>(), _services.GetServices<IStatusReport>()).Load(DialogsPath);

    public void Dispose() => _services.Dispose();
}
