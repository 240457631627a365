using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The terminal chat: customer side and staff side in one terminal.</summary>
    public static IServiceCollection AddBlockBotConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>()
            .Bind(configuration.GetSection(ConsoleOptions.Section))
            .PostConfigure(options =>
            {
                // `--linger 5` on the command line arrives as the configuration key "linger".
                if (double.TryParse(configuration["linger"], System.Globalization.CultureInfo.InvariantCulture, out var linger))
                {
                    options.LingerSeconds = linger;
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var interactive = !System.Console.IsInputRedirected;
        if (interactive)
        {
            // A person is typing in this terminal: only problems should interrupt the chat.
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Warning);
        }

        services.TryAddSingleton(new ConsoleTranscript(System.Console.Out, interactive));
        services.AddSingleton<TextReader>(_ => System.Console.In);
        services.AddSingleton<ConsoleAdapter>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<ConsoleAdapter>());
        services.AddSingleton<ConsoleStaffCommands>();
        services.AddSingleton<PendingWork>();
        services.AddHostedService<ConsoleChatService>();
        return services;
    }

    /// <summary>The staff chat printed into this terminal (the default staff chat).</summary>
    public static IServiceCollection AddBlockBotConsoleStaffChat(this IServiceCollection services)
    {
        services.TryAddSingleton(new ConsoleTranscript(System.Console.Out, !System.Console.IsInputRedirected));
        services.AddSingleton<IStaffChat, ConsoleStaffChat>();
        return services;
    }
}
