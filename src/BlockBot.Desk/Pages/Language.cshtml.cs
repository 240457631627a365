using BlockBot.Desk.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BlockBot.Desk.Pages;

/// <summary>POST only: keeps the chosen language in a cookie and goes back to the page the switch was on.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/desk");

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (DeskLanguage.Normalize(language) is { } chosen)
        {
            DeskLanguage.Choose(HttpContext, chosen);
        }

        return LocalRedirect(returnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/desk", StringComparison.Ordinal) ? url : "/desk");
    }
}
