using BlockBot.Channels.Bitrix24;
using BlockBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Storage.Channels.Bitrix24;

public static class Bitrix24StorageServiceCollectionExtensions
{
    /// <summary>
    /// The Bitrix24 channel's port in the shared database (tables of <c>Schema/*/004_bitrix24.sql</c>) and the writer of
    /// its turn record. Needs <see cref="StorageServiceCollectionExtensions.AddBlockBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddBlockBotBitrix24Storage(this IServiceCollection services)
    {
        services.TryAddSingleton<SqlBitrix24Store>();
        services.TryAddSingleton<IBitrix24Store>(sp => sp.GetRequiredService<SqlBitrix24Store>());
        services.AddTurnRecordWriter<Bitrix24EventProcessedWriter>();
        return services;
    }
}
