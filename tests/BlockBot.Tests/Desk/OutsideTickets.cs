using BlockBot.Conversation.Abstractions;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;

namespace BlockBot.Tests.Desk;

/// <summary>Tickets written straight into the database through a connection of their own, as another instance would.</summary>
public static class OutsideTickets
{
    public static Task<HandoffTicket> AddAsync(TempDatabase database, string line) =>
        new SqlTicketRepository(database.CreateFactory()).AddAsync(new HandoffTicket
        {
            Id = 0,
            Kind = TicketKind.QueueClearing,
            State = TicketState.Open,
            Customer = new CustomerId("telegram", "46"),
            CaseId = null,
            Line = line,
            CrmMarketing = true,
            Repeated = false,
            CustomerLanguage = "ru",
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            OpensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
        }, CancellationToken.None);
}
