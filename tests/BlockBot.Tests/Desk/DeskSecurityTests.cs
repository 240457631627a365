using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BlockBot.Desk.Accounts;
using BlockBot.Support.Tickets;
using BlockBot.Tests.Infrastructure;
using Dapper;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Tests.Desk;

/// <summary>What the desk refuses: no session, no antiforgery token, the wrong role, a disabled or reset account.</summary>
public sealed class DeskSecurityTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Every_desk_route_without_a_session_redirects_to_sign_in()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var routes = site.Bot.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/desk", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Superset(new HashSet<string> { "/desk", "/desk/tickets/{id:long}", "/desk/changes", "/desk/staff", "/desk/signout", "/desk/denied", "/desk/lines", "/desk/dashboard" }, routes.ToHashSet());

        using var anonymous = new DeskHttpSession(site.Url);
        var open = new List<string>();
        foreach (var route in routes)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(route, "\\{[^}]+\\}", "1");
            var response = await anonymous.GetAsync(url);
            var refused = route == "/desk/changes"
                ? response.StatusCode == HttpStatusCode.Unauthorized // an event stream is no page to send to sign-in
                : response.StatusCode == HttpStatusCode.Redirect && PathOf(response) == "/desk/signin";
            if (!refused)
            {
                open.Add($"{route} → {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        // Only the sign-in page itself and the language switch (which a signed-out page shows) are open.
        Assert.Equal(["/desk/language → 302 /desk", "/desk/signin → 200 "], open.Order());
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_an_agent_cannot_open_the_lead_pages()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var agentPassword = await site.AddStaffAsync("Anna");
        var leadPassword = await site.AddStaffAsync("Vera", StaffRole.Lead);
        await OutsideTickets.AddAsync(_database, "Продажи");

        using var agent = new DeskHttpSession(site.Url);
        Assert.Equal(HttpStatusCode.BadRequest, (await agent.PostAsync("/desk/signin", new Dictionary<string, string> { ["Name"] = "Anna", ["Password"] = agentPassword })).StatusCode);
        Assert.Equal("/desk", (await agent.SignInAsync("Anna", agentPassword)).Headers.Location?.OriginalString);

        var take = await agent.PostAsync("/desk/tickets/1?handler=Take", new Dictionary<string, string> { ["expected"] = "open" });
        Assert.Equal(HttpStatusCode.BadRequest, take.StatusCode);
        Assert.Equal(TicketState.Open, (await site.Bot.Services.GetRequiredService<ITicketRepository>().GetAsync(1, CancellationToken.None))!.State);

        Assert.Equal("/desk/denied", PathOf(await agent.GetAsync("/desk/staff")));
        Assert.Equal("/desk/denied", PathOf(await agent.GetAsync("/desk/lines")));
        Assert.Equal("/desk/denied", PathOf(await agent.GetAsync("/desk/dashboard")));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/desk/denied")).StatusCode);

        using var lead = new DeskHttpSession(site.Url);
        await lead.SignInAsync("Vera", leadPassword);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/desk/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/desk/lines")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/desk/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/desk/tickets/1")).StatusCode);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_and_the_database_keeps_only_a_hash()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        using var session = new DeskHttpSession(site.Url);

        var signedIn = await session.SignInAsync("Anna", password);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("blockbot-desk=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        using var connection = _database.OpenConnection();
        var stored = await connection.QuerySingleAsync<string>("SELECT password_hash FROM staff_account");
        Assert.DoesNotContain(password, stored, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", stored, StringComparison.Ordinal); // PasswordHasher's version-3 format, base64
        Assert.Empty(await connection.QueryAsync<string>("SELECT name FROM staff_account WHERE password_hash LIKE @Password", new { Password = $"%{password}%" }));
    }

    [Fact]
    public async Task Over_https_the_session_cookie_is_also_secure()
    {
        var certificate = Path.Combine(_database.Root, "desk.pfx");
        Directory.CreateDirectory(_database.Root);
        await File.WriteAllBytesAsync(certificate, SelfSigned());
        await using var site = await DeskSite.StartAsync(_database, new Dictionary<string, string?>
        {
            ["BlockBot:Http:Urls"] = "https://127.0.0.1:0",
            ["Kestrel:Certificates:Default:Path"] = certificate,
            ["Kestrel:Certificates:Default:Password"] = "desk",
        });
        var password = await site.AddStaffAsync("Anna");
        using var session = new DeskHttpSession(site.Url, acceptAnyCertificate: true);

        var signedIn = await session.SignInAsync("Anna", password);

        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("blockbot-desk=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Reset_and_disable_end_the_open_sessions_and_the_old_password()
    {
        await using var site = await DeskSite.StartAsync(_database);
        var password = await site.AddStaffAsync("Anna");
        var command = new StaffAccountCommand(site.Bot.Services.GetRequiredService<IStaffAccountStore>(), new StaffPasswords(), TimeProvider.System);
        using var session = new DeskHttpSession(site.Url);
        await session.SignInAsync("Anna", password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/desk")).StatusCode);

        using var printed = new StringWriter();
        Assert.Equal(0, await command.RunAsync(["staff", "reset", "anna"], printed, TextWriter.Null, CancellationToken.None));
        var newPassword = printed.ToString().Trim().Split(' ')[^1];

        Assert.Equal("/desk/signin", PathOf(await session.GetAsync("/desk")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SignInAsync("Anna", password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("Anna", newPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/desk")).StatusCode);

        Assert.Equal(0, await command.RunAsync(["staff", "disable", "Anna"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal("/desk/signin", PathOf(await session.GetAsync("/desk")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.SignInAsync("Anna", newPassword)).StatusCode);
        Assert.Equal(1, await command.RunAsync(["staff", "add", "anna"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal(2, await command.RunAsync(["staff", "add", "<b>"], TextWriter.Null, TextWriter.Null, CancellationToken.None));
    }

    private static string? PathOf(HttpResponseMessage response) => response.Headers.Location switch
    {
        null => null,
        { IsAbsoluteUri: true } location => location.AbsolutePath,
        var location => location.OriginalString.Split('?')[0],
    };

    private static byte[] SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return certificate.Export(X509ContentType.Pfx, "desk");
    }

    public void Dispose() => _database.Dispose();
}
