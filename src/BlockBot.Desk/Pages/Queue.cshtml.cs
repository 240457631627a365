using BlockBot.Desk.Live;
using BlockBot.Desk.Paging;
using BlockBot.Desk.Queue;
using BlockBot.Support.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>The active tickets, longest waiting first, <see cref="PageSize"/> a page, filtered by state and kind; the table refreshes itself when a ticket changes.</summary>
public sealed class QueueModel(IQueueSource queue, ITicketChangeCounter changes, TimeProvider time) : PageModel
{
    public const int PageSize = 50;
    public static readonly TicketState[] States = [TicketState.Open, TicketState.Taken, TicketState.Scheduled];
    public static readonly TicketKind[] Kinds = [TicketKind.QueueClearing, TicketKind.VmChange, TicketKind.GeneralQuestion];

    [BindProperty(SupportsGet = true, Name = "state")]
    public string? StateFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "kind")]
    public string? KindFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    /// <summary>The page asked for, from 1; "p" because Razor Pages keeps the route value "page" for itself.</summary>
    public int? RequestedPage { get; set; }

    public PageNumber CurrentPage { get; private set; } = PageNumber.Of(1, PageSize);

    public IReadOnlyList<HandoffTicket> Tickets { get; private set; } = [];

    /// <summary>How many active tickets match the filters, on every page.</summary>
    public int Total { get; private set; }

    public DateTimeOffset Now { get; private set; }

    /// <summary>The ticket change counter read before the list, for the page's change feed.</summary>
    public long Version { get; private set; }

    public string RowsUrl => $"/desk?handler=rows&{Query(CurrentPage.Number)}";

    /// <summary>The queue's address at <paramref name="page"/> with the same filters.</summary>
    public string PageUrl(int page) => $"/desk?{Query(page)}";

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
        CurrentPage = PageNumber.Of(RequestedPage, PageSize);
        TicketState? state = States.Any(s => s.ToText() == StateFilter) ? States.First(s => s.ToText() == StateFilter) : null;
        TicketKind? kind = Kinds.Any(k => k.ToText() == KindFilter) ? Kinds.First(k => k.ToText() == KindFilter) : null;
        var found = await queue.ListActiveAsync(state, kind, CurrentPage.Offset, CurrentPage.Size, cancellationToken);
        if (found.Items.Count == 0 && found.Total > 0 && CurrentPage.Number > 1)
        {
            // A page past the end (tickets were closed meanwhile): show the last one.
            CurrentPage = PageNumber.Of(CurrentPage.PagesFor(found.Total), PageSize);
            found = await queue.ListActiveAsync(state, kind, CurrentPage.Offset, CurrentPage.Size, cancellationToken);
        }

        Tickets = found.Items;
        Total = found.Total;
    }

    private string Query(int page) =>
        $"state={Uri.EscapeDataString(StateFilter ?? "")}&kind={Uri.EscapeDataString(KindFilter ?? "")}&p={page}";
}
