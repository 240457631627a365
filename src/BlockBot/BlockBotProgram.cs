using BlockBot.Channels.Telegram;
using BlockBot.Conversation.Dialogs.Loading;
using BlockBot.Health;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BlockBot;

/// <summary>
/// Builds and runs the host; turns a broken configuration or dialog file into one clear message and exit
/// code 2. With <c>BlockBot:Http:Urls</c> set the host is a web application (webhooks, health), listening
/// there; without it no port is opened.
/// </summary>
public static class BlockBotProgram
{
    public const string HttpUrlsKey = "BlockBot:Http:Urls";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (QuestionsCheckCommand.Matches(args))
            {
                return await QuestionsCheckCommand.RunAsync(args);
            }

            using var host = Build(args);
            await host.RunAsync();
            return 0;
        }
        catch (DialogLoadException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (TelegramStartupException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("The configuration is invalid: " + string.Join("; ", e.Failures));
            return 2;
        }
    }

    /// <param name="configureServices">Extra registrations after the program's own (tests add a log capture).</param>
    public static IHost Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var contentRoot = ContentRoot();
        var plain = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
        var urls = plain.Configuration[HttpUrlsKey];
        if (string.IsNullOrWhiteSpace(urls))
        {
            plain.AddBlockBot();
            configureServices?.Invoke(plain.Services);
            plain.ConfigureContainer(new DefaultServiceProviderFactory(ValidatedProvider));
            return plain.Build();
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        web.WebHost.UseUrls(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        web.AddBlockBot();
        web.Services.AddBlockBotHealthChecks(web.Configuration);
        configureServices?.Invoke(web.Services);
        web.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = ValidatedProvider.ValidateOnBuild;
            options.ValidateScopes = ValidatedProvider.ValidateScopes;
        });
        var app = web.Build();
        app.MapBlockBotHealthChecks();
        return app;
    }

    /// <summary>The working folder when it has an appsettings.json, else the program's folder, which always carries one.</summary>
    private static string ContentRoot() =>
        File.Exists(Path.Combine(Environment.CurrentDirectory, "appsettings.json")) ? Environment.CurrentDirectory : AppContext.BaseDirectory;

    private static ServiceProviderOptions ValidatedProvider { get; } = new() { ValidateOnBuild = true, ValidateScopes = true };
}
