using BlockBot.Channels.WebChat;
using BlockBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Storage.Channels.WebChat;

public static class WebChatStorageServiceCollectionExtensions
{
    /// <summary>
    /// The web chat's port in the shared database (tables of <c>Schema/*/012_webchat.sql</c>) and the writer of its turn
    /// record. Needs <see cref="StorageServiceCollectionExtensions.AddBlockBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddBlockBotWebChatStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<SqlWebChatStore>();
        services.TryAddSingleton<IWebChatStore>(sp => sp.GetRequiredService<SqlWebChatStore>());
        services.AddTurnRecordWriter<WebChatActivityQueuedWriter>();
        return services;
    }
}
