using BlockBot.Conversation.Understanding;
using BlockBot.Support.Cases;
using BlockBot.Support.Events;
using BlockBot.Support.Tickets;
using BlockBot.Support.Transcripts;
using BlockBot.Storage.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Storage.Sql.Domain;

public static class SqlDomainServiceCollectionExtensions
{
    /// <summary>
    /// The support domain's repositories over the configured database (tables from <c>Schema/*/002_domain.sql</c>), and
    /// the messages the bot did not understand (<c>009_unanswered_message.sql</c>), which the domain erases with a customer,
    /// the outbox of conversation events (<c>013_queued_event.sql</c>), and the conversations' transcripts
    /// (<c>010_transcript.sql</c>), read by staff and erased with a customer or by age.
    /// Needs <see cref="IDbConnectionFactory"/>, which the storage registration provides; on SQLite the writes join the
    /// turns' group commit when the composition has a turn store (<see cref="SqlDomainWrites"/>).
    /// </summary>
    public static IServiceCollection AddBlockBotSqlDomain(this IServiceCollection services)
    {
        services.AddSingleton<SqlDomainWrites>();
        services.AddTurnRecordWriter<DomainWriteWriter>();
        services.AddSingleton<ICaseRepository, SqlCaseRepository>();
        services.AddSingleton<ITicketRepository, SqlTicketRepository>();
        services.AddSingleton<IUnansweredMessages, SqlUnansweredMessages>();
        services.AddSingleton<IQueuedEvents, SqlQueuedEvents>();
        services.AddSingleton<SqlTranscripts>();
        services.AddSingleton<ITranscriptReader>(sp => sp.GetRequiredService<SqlTranscripts>());
        services.AddSingleton<ITranscriptEraser>(sp => sp.GetRequiredService<SqlTranscripts>());
        return services;
    }
}
