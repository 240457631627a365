using BlockBot.Desk.Accounts;
using BlockBot.Desk.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

public sealed class SignInModel(StaffSignIn signIn, DeskText text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await signIn.CheckAsync(Name ?? string.Empty, Password ?? string.Empty, cancellationToken);
        if (result.Account is not { } account)
        {
            Problem = result.LockedUntil is { } until ? text.LockedUntil(until) : text.WrongNameOrPassword;
            Response.StatusCode = Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized;
            return Page();
        }

        await HttpContext.SignInAsync(DeskAuthentication.Scheme, DeskAuthentication.Principal(account));
        return LocalRedirect(ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/desk", StringComparison.Ordinal) ? url : "/desk");
    }
}
