using BlockBot.Desk.Lines;
using BlockBot.Desk.Paging;
using BlockBot.Support.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>Leads only: the lines, <see cref="PageSize"/> a page, found by name, with their blocks, clearings and VM changes, and when the policy next allows a clearing.</summary>
public sealed class LinesModel(ILineDirectory lines, ClearingPolicy policy, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    /// <summary>The page asked for, from 1; "p" because Razor Pages keeps the route value "page" for itself.</summary>
    public int? RequestedPage { get; set; }

    public PageNumber CurrentPage { get; private set; } = PageNumber.Of(1, PageSize);

    public IReadOnlyList<LineRecord> Lines { get; private set; } = [];

    public int Total { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public bool Searching => !string.IsNullOrWhiteSpace(Search);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Search = Search?.Trim();
        CurrentPage = PageNumber.Of(RequestedPage, PageSize);
        var found = await lines.ListAsync(Search, CurrentPage.Offset, CurrentPage.Size, cancellationToken);
        Lines = found.Items;
        Total = found.Total;
    }

    /// <summary>The lines page at <paramref name="page"/> with the same search.</summary>
    public string PageUrl(int page) =>
        Searching ? $"/desk/lines?q={Uri.EscapeDataString(Search!)}&p={page}" : $"/desk/lines?p={page}";

    /// <summary>When the line may be cleared next: <see cref="Now"/> when at once.</summary>
    public DateTimeOffset NextClearing(LineRecord line) =>
        policy.EarliestAllowed(line.Clearings.Where(t => t.HoldsClearingSlot).Select(t => t.ClearingTime).ToList(), Now);
}
