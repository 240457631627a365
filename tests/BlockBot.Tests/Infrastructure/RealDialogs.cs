using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Dialogs.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Tests.Infrastructure;

/// <summary>The repository's dialogs/ files, loaded as the program loads them, for tests whose bot runs in another process.</summary>
public static class RealDialogs
{
    private static readonly Lazy<DialogSet> Loaded = new(Load);

    public static DialogSet Set => Loaded.Value;

    private static DialogSet Load()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlockBotCore(new ConfigurationBuilder().Build());
        services.AddSingleton<BlockBot.Support.Staff.IStaffChat, RecordingStaffChat>();
        using var provider = services.BuildServiceProvider();
        return new DialogSetLoader(provider.GetServices<IDialogAction>(), provider.GetRequiredService<IKnownEvents>()).Load(RepositoryPaths.Dialogs);
    }
}
