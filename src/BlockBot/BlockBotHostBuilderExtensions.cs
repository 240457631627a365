using BlockBot.Channels.Console;
using BlockBot.Conversation;
using BlockBot.Storage;
using BlockBot.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BlockBot;

/// <summary>The composition root: each project registers what it owns, in dependency order.</summary>
public static class BlockBotHostBuilderExtensions
{
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

        builder.Services
            .AddBlockBotCore(builder.Configuration)
            .AddBlockBotConsole(builder.Configuration);
        return builder;
    }
}
