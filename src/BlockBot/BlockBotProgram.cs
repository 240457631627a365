using System.Runtime.CompilerServices;
using BlockBot.Channels.Telegram;
using BlockBot.Channels.WebChat;
using BlockBot.Configuration;
using BlockBot.Conversation;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Conversation.Engine;
using BlockBot.Desk;
using BlockBot.Health;
using BlockBot.Memory;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlockBot;

/// <summary>
/// Builds and runs the host; turns a broken configuration or dialog file into one clear message on standard error and
/// exit code 2, with no stack trace. Everything that can be checked without starting is checked before the host
/// starts (<see cref="BuildChecked"/>). With <c>BlockBot:Http:Urls</c> set the host is a web application (webhooks,
/// health, the staff desk under /desk), listening there; without it no port is opened.
/// </summary>
public static class BlockBotProgram
{
    public const string HttpUrlsKey = "BlockBot:Http:Urls";

    public const int ConfigurationErrorExitCode = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (QuestionsCheckCommand.Matches(args))
            {
                return await QuestionsCheckCommand.RunAsync(args);
            }

            if (StaffCommand.Matches(args))
            {
                return await StaffCommand.RunAsync(args);
            }

            using var host = BuildChecked(args);
            await host.StartAsync();
            // What start-up used once and no longer needs (README, "Idle, start-up and memory").
            host.Services.GetRequiredService<IdleMemoryRelease>().ReleaseNow();
            await host.WaitForShutdownAsync();
            return 0;
        }
        catch (Exception e) when (StartupProblem(e) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return ConfigurationErrorExitCode;
        }
    }

    /// <summary>
    /// <see cref="Build"/>, then what the host would find only as it starts: the options' validators and the dialog
    /// files. A problem throws here, before the host could log it with a stack trace.
    /// </summary>
    public static IHost BuildChecked(string[] args)
    {
        var host = Build(args);
        try
        {
            host.Services.GetService<IStartupValidator>()?.Validate();
            _ = host.Services.GetRequiredService<DialogSetProvider>().Current;
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>The message to print for a problem of configuration or content; null for a fault of the program itself.</summary>
    public static string? StartupProblem(Exception exception) => exception switch
    {
        ConfigurationException e => e.Message,
        OptionsValidationException e => OneLine("Configuration: " + string.Join("; ", e.Failures)),
        DialogLoadException e => e.Message,
        TelegramStartupException e => e.Message,
        // A value of an options class the settings check does not list yet: the binder's message names the key and value.
        InvalidOperationException { InnerException: FormatException or ArgumentException or NotSupportedException } e
            when e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => OneLine("Configuration: " + e.Message),
        _ => null,
    };

    /// <param name="configureServices">Extra registrations after the program's own (tests add a log capture).</param>
    public static IHost Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var contentRoot = ContentRoot();
        var plain = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
        SettingsCheck.ThrowIfInvalid(plain.Configuration);
        var urls = plain.Configuration[HttpUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            plain.AddBlockBot();
            configureServices?.Invoke(plain.Services);
            plain.ConfigureContainer(new DefaultServiceProviderFactory(ValidatedProvider));
            return plain.Build();
        }

        return BuildWeb(args, contentRoot, urls, configureServices);
    }

    // A method of its own, not inlined, so that a console-only bot does not load ASP.NET Core's assemblies: the JIT loads
    // those of the types a method it compiles names.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static IHost BuildWeb(string[] args, string contentRoot, string urls, Action<IServiceCollection>? configureServices)
    {
        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        web.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        web.AddBlockBot();
        web.Services.AddBlockBotHealthChecks();
        web.Services.AddBlockBotDesk(web.Configuration);
        configureServices?.Invoke(web.Services);
        web.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = ValidatedProvider.ValidateOnBuild;
            options.ValidateScopes = ValidatedProvider.ValidateScopes;
        });
        var app = web.Build();
        app.MapBlockBotHealthChecks();
        app.MapBlockBotDesk();
        if (web.Configuration.IsWebChatConfigured())
        {
            app.MapBlockBotWebChat();
        }

        return app;
    }

    /// <summary>The working folder when it has an appsettings.json, else the program's folder, which always carries one.</summary>
    private static string ContentRoot() =>
        File.Exists(Path.Combine(Environment.CurrentDirectory, "appsettings.json")) ? Environment.CurrentDirectory : AppContext.BaseDirectory;

    private static string OneLine(string text) => VisibleText.Escape(text.ReplaceLineEndings(" "));

    private static ServiceProviderOptions ValidatedProvider { get; } = new() { ValidateOnBuild = true, ValidateScopes = true };
}
