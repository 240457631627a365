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

    private static DialogSet Load() => DialogLoaders.Create().Load(RepositoryPaths.Dialogs);
}
