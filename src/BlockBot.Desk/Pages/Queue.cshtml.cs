using BlockBot.Desk.Live;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>The active tickets, oldest first, filtered by state and kind; the table refreshes itself when a ticket changes.</summary>
public sealed class QueueModel(StaffDesk desk, ITicketChangeCounter changes, TimeProvider time) : PageModel
{
    public static readonly TicketState[] States = [TicketState.Open, TicketState.Taken, TicketState.Scheduled];
    public static readonly TicketKind[] Kinds = [TicketKind.QueueClearing, TicketKind.VmChange, TicketKind.GeneralQuestion];

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? StateFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    public IReadOnlyList<HandoffTicket> Tickets { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The ticket change counter read before the list, for the page's change feed.</summary>
    public long Version { get; private set; }

    public string RowsUrl => $"/desk?handler=rows&state={Uri.EscapeDataString(StateFilter ?? "")}&kind={Uri.EscapeDataString(KindFilter ?? "")}";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Version = await changes.ReadAsync(cancellationToken);
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Partial("_QueueTable", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        var state = States.FirstOrDefault(s => s.ToText() == StateFilter, (TicketState)(-1));
        var kind = Kinds.FirstOrDefault(k => k.ToText() == KindFilter, (TicketKind)(-1));
        Tickets = (await desk.ListActiveAsync(cancellationToken))
            .Where(t => !Enum.IsDefined(state) || t.State == state)
            .Where(t => !Enum.IsDefined(kind) || t.Kind == kind)
            .ToList();
    }
}
