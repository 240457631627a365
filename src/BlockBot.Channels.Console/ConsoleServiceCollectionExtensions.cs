using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Console;

public static class ConsoleServiceCollectionExtensions
{
    /// <summary>The terminal chat's customer side; <c>/staff</c> lines in it reach the staff desk.</summary>
    public static IServiceCollection AddBlockBotConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsoleTerminal(configuration);
        services.AddSingleton<ConsoleAdapter>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<ConsoleAdapter>());
        services.AddHostedService<ConsoleChatService>();
        return services;
    }

    /// <summary>The terminal as the staff chat: always available, the default when no channel's staff chat is set.</summary>
    public static StaffChatOption ConsoleStaffChatOption(this IConfiguration configuration) => new()
    {
        Name = "Console",
        ChosenByDefault = true,
        Register = services => services.AddBlockBotConsoleStaffChat(configuration),
    };

    /// <summary>
    /// The staff chat printed in the terminal. Without the console customer side (customers on another channel),
    /// the terminal reads only <c>/staff</c> lines and its end of input does not stop the bot.
    /// </summary>
    public static IServiceCollection AddBlockBotConsoleStaffChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsoleTerminal(configuration);
        services.AddSingleton<IStaffChat, ConsoleStaffChat>();
        if (!services.Any(d => d.ImplementationType == typeof(ConsoleChatService)))
        {
            services.AddHostedService<ConsoleStaffService>();
        }

        return services;
    }

    private static void AddConsoleTerminal(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(ConsoleTranscript)))
        {
            return;
        }

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

        services.AddSingleton(new ConsoleTranscript(System.Console.Out, interactive));
        // An instance, not a factory: the container must not dispose the terminal's reader, whose Dispose waits for
        // the lock a pending read holds.
        services.TryAddSingleton(System.Console.In);
        services.AddSingleton<ConsoleStaffCommands>();
        services.AddSingleton<PendingWork>();
    }
}
