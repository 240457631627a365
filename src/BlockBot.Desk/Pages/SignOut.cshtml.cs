using BlockBot.Desk.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>POST only: ends the session and returns to the sign-in page.</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/desk");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(DeskAuthentication.Scheme);
        return Redirect("/desk/signin");
    }
}
