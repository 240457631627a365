using BlockBot.Desk.Accounts;
using BlockBot.Desk.Dashboard;
using BlockBot.Desk.Lines;
using BlockBot.Desk.Live;
using BlockBot.Desk.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Storage.Desk;

public static class DeskStorageServiceCollectionExtensions
{
    /// <summary>
    /// The staff desk's ports in the shared database (<c>Schema/*/011_staff_desk.sql</c>): staff accounts, the key ring that
    /// signs sessions, the ticket change counter, the queue a page at a time, the lines across customers and the
    /// dashboard's records. Needs <see cref="StorageServiceCollectionExtensions.AddBlockBotStorage"/>.
    /// </summary>
    public static IServiceCollection AddBlockBotDeskStorage(this IServiceCollection services)
    {
        services.TryAddSingleton<IStaffAccountStore, SqlStaffAccountStore>();
        services.TryAddSingleton<IDeskKeyStore, SqlDeskKeyStore>();
        services.TryAddSingleton<ITicketChangeCounter, SqlTicketChangeCounter>();
        services.TryAddSingleton<ILineDirectory, SqlLineDirectory>();
        services.TryAddSingleton<IDashboardSource, SqlDashboardSource>();
        services.TryAddSingleton<IQueueSource, SqlQueueSource>();
        return services;
    }
}
