using BlockBot.Channels.Console;
using BlockBot.Channels.Telegram;
using BlockBot.Conversation;
using BlockBot.Storage;
using BlockBot.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot;

/// <summary>The composition root: each project registers what it owns, in dependency order.</summary>
public static class BlockBotHostBuilderExtensions
{
    public const string StaffChatKey = "BlockBot:StaffChat";
    private const string ConsoleStaffChat = "Console";
    private const string TelegramStaffChat = "Telegram";

    /// <summary>Everything but the channels: the engine, the support domain and storage.</summary>
    public static IServiceCollection AddBlockBotCore(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBlockBotConversation(configuration)
            .AddBlockBotSupport(configuration)
            .AddBlockBotStorage(configuration);

    public static IHostApplicationBuilder AddBlockBot(this IHostApplicationBuilder builder)
    {
        // Standard output belongs to the chat; logs go to standard error.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        var configuration = builder.Configuration;
        builder.Services.AddBlockBotCore(configuration);

        // Customer channels: each one whose settings are present; the console only when none is.
        var customerChannels = 0;
        if (configuration.IsTelegramConfigured())
        {
            builder.Services.AddBlockBotTelegram(configuration);
            customerChannels++;
        }

        if (customerChannels == 0)
        {
            builder.Services.AddBlockBotConsole(configuration);
        }

        builder.Services.AddBlockBotStaffChat(configuration);
        return builder;
    }

    /// <summary>
    /// Exactly one staff chat: <c>BlockBot:StaffChat</c> = Console | Telegram | Bitrix24; by default Telegram
    /// when <c>BlockBot:Telegram:StaffChatId</c> is set, else the console.
    /// </summary>
    public static IServiceCollection AddBlockBotStaffChat(this IServiceCollection services, IConfiguration configuration)
    {
        var chosen = configuration[StaffChatKey];
        if (string.IsNullOrWhiteSpace(chosen))
        {
            chosen = string.IsNullOrWhiteSpace(configuration[TelegramOptions.StaffChatIdKey]) ? ConsoleStaffChat : TelegramStaffChat;
        }

        switch (chosen.Trim().ToLowerInvariant())
        {
            case "console":
                return services.AddBlockBotConsoleStaffChat();
            case "telegram" when configuration.IsTelegramConfigured():
                return services.AddBlockBotTelegramStaffChat();
            case "telegram":
                throw new OptionsValidationException(StaffChatKey, typeof(string), [$"{StaffChatKey} is Telegram, but {TelegramOptions.TokenKey} is not set"]);
            default:
                throw new OptionsValidationException(StaffChatKey, typeof(string), [$"{StaffChatKey} must be Console, Telegram or Bitrix24, not '{chosen}'"]);
        }
    }
}
