using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Tests.Support;

/// <summary>A clearing asked for again (the customer's turn run again after a crash) reuses the ticket and makes sure staff can see it.</summary>
public sealed class TicketIssuerTests : IAsyncLifetime, IDisposable
{
    private static readonly CustomerId Customer = new("test", "customer-7");

    private readonly TempDatabase _database = new();
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(_database, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotHost.Start));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task A_ticket_stored_but_never_posted_is_posted_when_the_clearing_is_asked_for_again()
    {
        var blockCase = await _host.Services.GetRequiredService<ICaseRepository>().CreateAsync(
            new BlockCase
            {
                Id = 0,
                Customer = Customer,
                Line = "Sales",
                CrmMarketing = false,
                Repeated = false,
                Stage = CaseStages.Appeal,
                CreatedAt = BotHost.Start,
                UpdatedAt = BotHost.Start,
            },
            CancellationToken.None);
        // The crash came after the ticket was stored and before its card was posted.
        var stored = await _host.Services.GetRequiredService<ITicketRepository>().AddAsync(
            new HandoffTicket
            {
                Id = 0,
                Kind = TicketKind.QueueClearing,
                State = TicketState.Open,
                Customer = Customer,
                CaseId = blockCase.Id,
                Line = "Sales",
                CrmMarketing = false,
                Repeated = false,
                CustomerLanguage = "en",
                CreatedAt = BotHost.Start,
                OpensAt = BotHost.Start,
            },
            CancellationToken.None);
        var issuer = _host.Services.GetRequiredService<TicketIssuer>();
        var request = new ClearingRequest
        {
            Customer = Customer,
            CaseId = blockCase.Id,
            Kind = TicketKind.QueueClearing,
            Line = "Sales",
            CrmMarketing = false,
            Repeated = false,
            Language = "en",
        };

        var again = await issuer.RequestClearingAsync(request, CancellationToken.None);
        var onceMore = await issuer.RequestClearingAsync(request, CancellationToken.None);

        Assert.Equal(stored.Id, again.Id);
        Assert.Equal(stored.Id, onceMore.Id);
        Assert.Equal([stored.Id], _host.StaffChat.Posted.Select(t => t.Id));
        Assert.NotNull((await _host.Services.GetRequiredService<ITicketRepository>().GetAsync(stored.Id, CancellationToken.None))!.StaffMessageRef);
    }
}
