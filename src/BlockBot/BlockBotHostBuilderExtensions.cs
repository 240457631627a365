using BlockBot.Channels.Bitrix24;
using BlockBot.Channels.Console;
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
    /// <summary><c>Console</c>, <c>Telegram</c> or <c>Bitrix24</c>; the default is Bitrix24 when its staff chat is configured, else Console.</summary>
    public const string StaffChatKey = "BlockBot:StaffChat";

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
        var services = builder.Services.AddBlockBotCore(configuration);

        // Customer channels: each one that is configured; the console only when none is.
        var bitrix24 = configuration.IsBitrix24Configured();
        if (bitrix24)
        {
            services.AddBlockBotBitrix24(configuration);
        }

        if (!bitrix24)
        {
            services.AddBlockBotConsole(configuration);
        }

        // Exactly one staff chat.
        var staffChat = configuration[StaffChatKey]
            ?? (string.IsNullOrWhiteSpace(configuration[$"{Bitrix24Options.Section}:{nameof(Bitrix24Options.StaffDialogId)}"]) ? "Console" : "Bitrix24");
        switch (staffChat.ToLowerInvariant())
        {
            case "console":
                services.AddBlockBotConsoleStaffChat(configuration);
                break;
            case "bitrix24" when bitrix24:
                services.AddBlockBotBitrix24StaffChat();
                break;
            case "telegram":
                throw new OptionsValidationException(StaffChatKey, typeof(string), [$"{StaffChatKey}=Telegram needs the Telegram channel, which this build does not have"]);
            case "bitrix24":
                throw new OptionsValidationException(StaffChatKey, typeof(string), [$"{StaffChatKey}=Bitrix24 needs the Bitrix24 portal configured (BlockBot:Bitrix24:WebhookUrl or its OAuth keys)"]);
            default:
                throw new OptionsValidationException(StaffChatKey, typeof(string), [$"{StaffChatKey} must be Console, Telegram or Bitrix24, not '{staffChat}'"]);
        }

        return builder;
    }
}
