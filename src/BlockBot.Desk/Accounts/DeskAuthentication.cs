using System.Security.Claims;
using BlockBot.Support.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Desk.Accounts;

/// <summary>The desk's cookie scheme, its two policies, and the claims a session carries.</summary>
public static class DeskAuthentication
{
    public const string Scheme = "BlockBot.Desk";
    public const string StaffPolicy = "desk-staff";
    public const string LeadPolicy = "desk-lead";
    public const string CookieName = "blockbot-desk";
    public const string StampClaim = "blockbot:desk-stamp";

    public static ClaimsPrincipal Principal(StaffAccount account) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, account.Name),
            new Claim(ClaimTypes.Role, account.Role.ToText()),
            new Claim(StampClaim, account.Stamp),
        ],
        Scheme,
        ClaimTypes.Name,
        ClaimTypes.Role));

    /// <summary>How StaffDesk knows a desk user: <c>desk:&lt;name&gt;</c>.</summary>
    public static StaffMember Member(ClaimsPrincipal user) => new("desk:" + user.Identity!.Name, user.Identity.Name!);

    /// <summary>Every request re-reads the account: a disabled or reset account's sessions end at once.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(StampClaim)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<IStaffAccountStore>();
        var account = name is null ? null : await accounts.FindAsync(name, context.HttpContext.RequestAborted);
        if (account is null || account.Disabled || account.Stamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
        }
    }
}
