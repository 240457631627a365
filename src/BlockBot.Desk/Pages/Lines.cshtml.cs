using BlockBot.Desk.Lines;
using BlockBot.Support.Policy;
using BlockBot.Support.Tickets;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>Leads only: every line with its blocks, clearings and VM changes, and when the policy next allows a clearing.</summary>
public sealed class LinesModel(ILineDirectory lines, ClearingPolicy policy, TimeProvider time) : PageModel
{
    public IReadOnlyList<LineRecord> Lines { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Lines = await lines.ListAsync(cancellationToken);
    }

    /// <summary>When the line may be cleared next: <see cref="Now"/> when at once.</summary>
    public DateTimeOffset NextClearing(LineRecord line) =>
        policy.EarliestAllowed(line.Clearings.Where(t => t.HoldsClearingSlot).Select(t => t.ClearingTime).ToList(), Now);

    public static int Done(LineRecord line, TicketKind kind) => line.Clearings.Count(t => t.Kind == kind && t.State == TicketState.Done);
}
