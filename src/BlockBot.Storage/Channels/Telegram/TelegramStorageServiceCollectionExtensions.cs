using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Channels.Telegram.Staff;
using BlockBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Storage.Channels.Telegram;

public static class TelegramStorageServiceCollectionExtensions
{
    /// <summary>
    /// The Telegram channel's ports in the shared database (tables of <c>Schema/*/003_telegram.sql</c> and on): the
    /// inbox and outbox, the shared send schedule, the stranger notices, and the writers of the channel's turn records.
    /// Needs <see cref="StorageServiceCollectionExtensions.AddBlockBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddBlockBotTelegramStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<ITelegramStore, SqlTelegramStore>();
        services.TryAddSingleton<ISharedSendSchedule, SqlSharedSendSchedule>();
        services.TryAddSingleton<IStrangerNoticeStore, SqlStrangerNoticeStore>();
        services.AddTurnRecordWriter<TelegramUpdateHandledWriter>();
        services.AddTurnRecordWriter<TelegramMessageQueuedWriter>();
        services.AddTurnRecordWriter<TelegramUpdatesReceivedWriter>();
        services.AddTurnRecordWriter<TelegramOutgoingSentWriter>();
        return services;
    }
}
