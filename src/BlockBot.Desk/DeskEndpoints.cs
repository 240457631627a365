using System.Runtime.CompilerServices;
using BlockBot.Desk.Accounts;
using BlockBot.Desk.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace BlockBot.Desk;

public static class DeskEndpoints
{
    public const string ChangesPath = "/desk/changes";
    public const string TicketsEvent = "tickets";

    // Scripts and styles only from the bot itself; no inline script, no framing.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    /// <summary>
    /// Serves the desk under /desk: its pages, its scripts and stylesheet (embedded at build time) under /desk/assets,
    /// and <see cref="ChangesPath"/>, the server-sent events that tell an open page a ticket changed.
    /// </summary>
    public static WebApplication MapBlockBotDesk(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/desk"), desk => desk.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            await next(context);
        }));
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(DeskEndpoints).Assembly, "BlockBot.Desk.Assets"),
            RequestPath = "/desk/assets",
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapGet(ChangesPath, (long? since, TicketChangeWatcher watcher, ITicketChangeCounter counter, HttpContext context) =>
                TypedResults.ServerSentEvents(ChangesAsync(since, watcher, counter, context.RequestAborted), TicketsEvent))
            .RequireAuthorization(DeskAuthentication.StaffPolicy);
        return app;
    }

    /// <summary>One event now if a ticket changed since the page was rendered at <paramref name="since"/>, then one per change.</summary>
    private static async IAsyncEnumerable<string> ChangesAsync(
        long? since,
        TicketChangeWatcher watcher,
        ITicketChangeCounter counter,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var changes = watcher.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            // Subscribed first (MoveNextAsync starts the watch), then compared, so no change falls between the two.
            var next = changes.MoveNextAsync();
            var now = await counter.ReadAsync(cancellationToken);
            if (since is { } rendered && now != rendered)
            {
                yield return now.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            while (await next)
            {
                yield return changes.Current.ToString(System.Globalization.CultureInfo.InvariantCulture);
                next = changes.MoveNextAsync();
            }
        }
        finally
        {
            await changes.DisposeAsync();
        }
    }
}
