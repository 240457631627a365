using BlockBot.Desk.Accounts;
using BlockBot.Desk.Live;
using BlockBot.Desk.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.WebEncoders;

namespace BlockBot.Desk;

public static class DeskServiceCollectionExtensions
{
    /// <summary>
    /// The staff desk (Razor Pages under /desk): <c>BlockBot:Desk</c> options, the cookie sign-in with its lockout, the
    /// two roles' policies, antiforgery, the ticket change watcher. Expects from elsewhere the support domain's
    /// <see cref="Support.Staff.StaffDesk"/> and the ports <see cref="IStaffAccountStore"/>, <see cref="IDeskKeyStore"/>, <see cref="ITicketChangeCounter"/>, <see cref="Lines.ILineDirectory"/> and <see cref="Dashboard.IDashboardSource"/> (storage).
    /// </summary>
    public static IServiceCollection AddBlockBotDesk(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeskOptions>()
            .Bind(configuration.GetSection(DeskOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var desk = configuration.GetSection(DeskOptions.Section).Get<DeskOptions>() ?? new DeskOptions();

        services.AddSingleton<StaffPasswords>();
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<TicketChangeWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<TicketChangeWatcher>());
        services.AddHttpContextAccessor();
        // One key ring in the database for every instance: a session or form opened on one is accepted by the others.
        services.AddDataProtection().SetApplicationName("BlockBot.Desk");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDeskKeyStore>((options, keys) => options.XmlRepository = new DeskKeyRepository(keys));
        // Russian text as it is, not as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic, UnicodeRanges.GeneralPunctuation));
        services.AddScoped<DeskText>();

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/", DeskAuthentication.StaffPolicy);
                options.Conventions.AllowAnonymousToPage("/SignIn");
                options.Conventions.AllowAnonymousToPage("/Language");
                options.Conventions.AuthorizePage("/Staff", DeskAuthentication.LeadPolicy);
                options.Conventions.AuthorizePage("/Lines", DeskAuthentication.LeadPolicy);
                options.Conventions.AuthorizePage("/Dashboard", DeskAuthentication.LeadPolicy);
            })
            .AddApplicationPart(typeof(DeskOptions).Assembly);

        services.AddAuthentication()
            .AddCookie(DeskAuthentication.Scheme, options =>
            {
                options.Cookie.Name = DeskAuthentication.CookieName;
                options.Cookie.Path = "/desk";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/desk/signin";
                options.LogoutPath = "/desk/signout";
                options.AccessDeniedPath = "/desk/denied";
                options.ExpireTimeSpan = TimeSpan.FromMinutes(desk.SessionMinutes);
                options.SlidingExpiration = true;
                options.Events = new CookieAuthenticationEvents { OnValidatePrincipal = DeskAuthentication.ValidateAsync };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(DeskAuthentication.StaffPolicy, policy => policy
                .AddAuthenticationSchemes(DeskAuthentication.Scheme)
                .RequireRole(StaffRoles.Agent, StaffRoles.Lead))
            .AddPolicy(DeskAuthentication.LeadPolicy, policy => policy
                .AddAuthenticationSchemes(DeskAuthentication.Scheme)
                .RequireRole(StaffRoles.Lead));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "blockbot-desk-antiforgery";
            options.Cookie.Path = "/desk";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }
}
