using BlockBot.Conversation.Understanding;
using BlockBot.Support.Cases;
using BlockBot.Support.Events;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Storage.Sql.Domain;

public static class SqlDomainServiceCollectionExtensions
{
    /// <summary>
    /// The support domain's repositories over the configured database (tables from <c>Schema/*/002_domain.sql</c>), and
    /// the messages the bot did not understand (<c>009_unanswered_message.sql</c>), which the domain erases with a customer,
    /// and the outbox of conversation events (<c>013_queued_event.sql</c>).
    /// Needs <see cref="IDbConnectionFactory"/>, which the storage registration provides.
    /// </summary>
    public static IServiceCollection AddBlockBotSqlDomain(this IServiceCollection services)
    {
        services.AddSingleton<ICaseRepository, SqlCaseRepository>();
        services.AddSingleton<ITicketRepository, SqlTicketRepository>();
        services.AddSingleton<IUnansweredMessages, SqlUnansweredMessages>();
        services.AddSingleton<IQueuedEvents, SqlQueuedEvents>();
        return services;
    }
}
