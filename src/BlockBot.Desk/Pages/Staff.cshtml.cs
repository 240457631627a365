using BlockBot.Desk.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>Leads only: who has a desk account, in which role, and whether it is disabled or locked.</summary>
public sealed class StaffModel(IStaffAccountStore accounts, TimeProvider time) : PageModel
{
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Now = time.GetUtcNow();
        Accounts = await accounts.ListAsync(cancellationToken);
    }
}
