using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Storage.Sqlite.Domain;

public static class SqliteDomainServiceCollectionExtensions
{
    /// <summary>
    /// The support domain's repositories over SQLite (tables from <c>Schema/sqlite/002_domain.sql</c>).
    /// Needs <see cref="SqliteConnectionFactory"/>, which the storage registration provides.
    /// </summary>
    public static IServiceCollection AddBlockBotSqliteDomain(this IServiceCollection services)
    {
        services.AddSingleton<ICaseRepository, SqliteCaseRepository>();
        services.AddSingleton<ITicketRepository, SqliteTicketRepository>();
        return services;
    }
}
