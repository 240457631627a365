using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Dialogs.Loading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Tests.Infrastructure;

/// <summary>A dialog loader that knows the program's actions and events, as the program builds it.</summary>
public static class DialogLoaders
{
    public static DialogSetLoader Create()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBlockBotCore(new ConfigurationBuilder().Build());
        services.AddSingleton<BlockBot.Support.Staff.IStaffChat, RecordingStaffChat>();
        var provider = services.BuildServiceProvider();
        return new DialogSetLoader(provider.GetServices<IDialogAction>(), provider.GetRequiredService<IKnownEvents>(), provider.GetServices<IStatusReport>());
    }
}
