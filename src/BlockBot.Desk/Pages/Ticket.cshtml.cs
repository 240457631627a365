using BlockBot.Conversation.Transcripts;
using BlockBot.Desk.Accounts;
using BlockBot.Desk.Live;
using BlockBot.Desk.Text;
using BlockBot.Support.Cases;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using BlockBot.Support.Transcripts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>
/// One ticket: what the dialog collected, the line's history with the customer, the customer's conversation (its newest
/// <see cref="TranscriptLimit"/> lines), and take / done / decline / reply
/// through <see cref="StaffDesk"/>, the same rules as the chat cards. A state-changing form carries the state the page
/// showed; when the ticket has changed since, nothing is done and the page says what happened instead.
/// </summary>
public sealed class TicketModel(
    StaffDesk desk,
    ITicketRepository tickets,
    ICaseRepository cases,
    ITicketChangeCounter changes,
    ITranscriptReader transcripts,
    DeskText text) : PageModel
{
    public const int TranscriptLimit = 200;

    private const string OutcomeKey = "DeskOutcome";
    private const string OutcomeOkKey = "DeskOutcomeOk";

    public HandoffTicket? Ticket { get; private set; }

    public IReadOnlyList<HandoffTicket> LineTickets { get; private set; } = [];

    public IReadOnlyList<BlockCase> LineCases { get; private set; } = [];

    public IReadOnlyList<TranscriptLine> Transcript { get; private set; } = [];

    public long Version { get; private set; }

    [TempData(Key = OutcomeKey)]
    public string? Outcome { get; set; }

    [TempData(Key = OutcomeOkKey)]
    public bool OutcomeOk { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Version = await changes.ReadAsync(cancellationToken);
        Ticket = await tickets.GetAsync(id, cancellationToken);
        if (Ticket is null)
        {
            // Said on the page, not as a bare status: a ticket erased at the customer's request is gone from a bookmark too.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (Ticket.Line is { } line)
        {
            LineTickets = (await tickets.ListForLineAsync(Ticket.Customer, line, cancellationToken)).Where(t => t.Id != id).ToList();
            LineCases = await cases.ListForLineAsync(Ticket.Customer, line, cancellationToken);
        }

        Transcript = await transcripts.ListForCustomerAsync(Ticket.Customer, TranscriptLimit, before: null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetLiveAsync(long id, CancellationToken cancellationToken)
    {
        // The change an action makes can fetch this section between the action's redirect and the page it leads to:
        // what the action did is left for that page.
        TempData.Keep();
        Ticket = await tickets.GetAsync(id, cancellationToken);
        return Ticket is null ? NotFound() : Partial("_TicketLive", this);
    }

    public Task<IActionResult> OnPostTakeAsync(long id, string? expected, CancellationToken cancellationToken) =>
        ChangeAsync(id, expected, staff => desk.TakeAsync(id, staff, cancellationToken), text.TakenByYou, cancellationToken);

    public Task<IActionResult> OnPostDoneAsync(long id, string? expected, CancellationToken cancellationToken) =>
        ChangeAsync(id, expected, staff => desk.DoneAsync(id, staff, cancellationToken), text.DoneByYou, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(long id, string? expected, string? reason, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(Told(id, text.ReasonRequired, ok: false))
            : ChangeAsync(id, expected, staff => desk.DeclineAsync(id, staff, reason, cancellationToken), text.DeclinedByYou, cancellationToken);

    public async Task<IActionResult> OnPostReplyAsync(long id, string? reply, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return Told(id, text.ReplyRequired, ok: false);
        }

        var result = await desk.ReplyAsync(id, DeskAuthentication.Member(User), reply, cancellationToken);
        return Told(id, result, text.ReplySent);
    }

    private async Task<IActionResult> ChangeAsync(
        long id,
        string? expected,
        Func<StaffMember, Task<StaffActionResult>> act,
        string success,
        CancellationToken cancellationToken)
    {
        var current = await tickets.GetAsync(id, cancellationToken);
        if (current is null)
        {
            return Told(id, text.NoSuchTicket, ok: false);
        }

        if (current.State.ToText() != expected)
        {
            return Told(id, text.ChangedMeanwhile(current), ok: false);
        }

        return Told(id, await act(DeskAuthentication.Member(User)), success);
    }

    private IActionResult Told(long id, StaffActionResult result, string success) => result switch
    {
        { Succeeded: true } => Told(id, success, ok: true),
        { Ticket: { } ticket } => Told(id, text.NothingChanged(ticket), ok: false),
        _ => Told(id, result.Message, ok: false),
    };

    private IActionResult Told(long id, string message, bool ok)
    {
        Outcome = message;
        OutcomeOk = ok;
        return RedirectToPage("/Ticket", new { id });
    }
}
