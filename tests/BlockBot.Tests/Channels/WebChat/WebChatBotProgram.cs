using BlockBot.Channels.Console;
using BlockBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BlockBot.Tests.Channels.WebChat;

/// <summary>
/// The real program (<see cref="BlockBotProgram.Build"/>) with the web chat on a free loopback port and the console as
/// the staff chat, its input typed by the test (<see cref="Staff"/>) and its output kept (<see cref="StaffTranscript"/>).
/// </summary>
public sealed class WebChatBotProgram : IAsyncDisposable
{
    public const string Secret = "site-secret-0123456789-abcdefghijklmnop";

    private readonly IHost _host;

    private WebChatBotProgram(IHost host, StaffConsoleInput staff, StringWriter transcript)
    {
        _host = host;
        Staff = staff;
        StaffTranscript = transcript;
    }

    public IServiceProvider Services => _host.Services;

    public StaffConsoleInput Staff { get; }

    public StringWriter StaffTranscript { get; }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

    public static Dictionary<string, string?> Settings(TempDatabase database) => new()
    {
        ["BlockBot:DialogsPath"] = RepositoryPaths.Dialogs,
        ["BlockBot:DefaultLanguage"] = "en",
        ["BlockBot:Storage:Provider"] = database.Provider.ToString(),
        ["BlockBot:Storage:ConnectionString"] = database.ConnectionString,
        ["BlockBot:Http:Urls"] = "http://127.0.0.1:0",
        ["BlockBot:WebChat:Secrets:0"] = Secret,
        ["BlockBot:WebChat:AllowedOrigins:0"] = "https://help.example.com",
        ["BlockBot:StaffChat"] = "Console",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public static async Task<WebChatBotProgram> StartAsync(Dictionary<string, string?> settings)
    {
        var staff = new StaffConsoleInput();
        var transcript = new StringWriter();
        var host = BlockBotProgram.Build([.. settings.Select(s => $"--{s.Key}={s.Value}")], services =>
        {
            services.AddSingleton<TextReader>(staff);
            services.AddSingleton(new ConsoleTranscript(TextWriter.Synchronized(transcript), interactive: false));
        });
        await host.StartAsync();
        return new WebChatBotProgram(host, staff, transcript);
    }

    public DirectLineTestClient Client() => new(BaseAddress);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
