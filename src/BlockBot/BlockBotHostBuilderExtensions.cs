using BlockBot.Channels.Bitrix24;
using BlockBot.Channels.Console;
using BlockBot.Channels.Telegram;
using BlockBot.Channels.WebChat;
using BlockBot.Conversation;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Memory;
using BlockBot.Storage;
using BlockBot.Storage.Channels.Bitrix24;
using BlockBot.Storage.Channels.Telegram;
using BlockBot.Storage.Channels.WebChat;
using BlockBot.Storage.Desk;
using BlockBot.Support;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace BlockBot;

/// <summary>The composition root: each project registers what it owns, in dependency order.</summary>
public static class BlockBotHostBuilderExtensions
{
    /// <summary>
    /// <c>Console</c>, <c>Telegram</c> or <c>Bitrix24</c>. By default the first channel, in the order offered, whose own
    /// staff-chat setting is present (<see cref="StaffChatOption.ChosenByDefault"/>), else the console.
    /// </summary>
    public const string StaffChatKey = "BlockBot:StaffChat";

    /// <summary>An OTLP collector's address (<c>http://127.0.0.1:4317</c>); when set, the BlockBot meter is exported there.</summary>
    public const string OtlpEndpointKey = "BlockBot:Metrics:OtlpEndpoint";

    /// <summary>
    /// Everything but the channels: the engine, the support domain with the scheduler, and storage, which adds
    /// Quartz's persistent store to the support domain's one scheduler configuration.
    /// </summary>
    public static IServiceCollection AddBlockBotCore(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddBlockBotConversation(configuration)
            .AddBlockBotSupport(configuration, quartz => quartz.UseBlockBotStore(configuration))
            .AddBlockBotStorage(configuration);

    public static IHostApplicationBuilder AddBlockBot(this IHostApplicationBuilder builder)
    {
        // Standard output belongs to the chat; logs go to standard error.
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

        var configuration = builder.Configuration;
        // The staff desk's accounts live in the database whether or not the web host serves the desk (the staff command).
        var services = builder.Services.AddBlockBotCore(configuration).AddBlockBotDeskStorage();

        // Customer channels: each one that is configured; the console only when none is.
        var telegram = configuration.IsTelegramConfigured();
        var bitrix24 = configuration.IsBitrix24Configured();
        var webChat = configuration.IsWebChatConfigured();
        // Each channel with its ports implemented in the shared database (ADR 0010).
        if (telegram)
        {
            services.AddBlockBotTelegram(configuration).AddBlockBotTelegramStorage();
        }

        if (bitrix24)
        {
            services.AddBlockBotBitrix24(configuration).AddBlockBotBitrix24Storage();
        }

        if (webChat)
        {
            if (string.IsNullOrWhiteSpace(configuration[BlockBotProgram.HttpUrlsKey]))
            {
                throw new OptionsValidationException(WebChatOptions.Section, typeof(WebChatOptions), [$"The web chat needs the web host: set {BlockBotProgram.HttpUrlsKey} (e.g. http://0.0.0.0:8080)"]);
            }

            services.AddBlockBotWebChat(configuration).AddBlockBotWebChatStorage();
        }

        if (!telegram && !bitrix24 && !webChat)
        {
            services.AddBlockBotConsole(configuration);
        }

        services.AddBlockBotStaffChat(
            configuration,
            [configuration.TelegramStaffChatOption(), configuration.Bitrix24StaffChatOption(), configuration.ConsoleStaffChatOption()]);
        services.AddBlockBotMetricsExport(configuration);
        services.AddBlockBotMemory(configuration);
        return builder;
    }

    private static void AddBlockBotMetricsExport(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new OptionsValidationException(OtlpEndpointKey, typeof(string), [$"{OtlpEndpointKey} must be an absolute http(s) URL, e.g. http://127.0.0.1:4317"]);
        }

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BlockBotMetrics.MeterName)
            .AddOtlpExporter(otlp => otlp.Endpoint = uri));
    }

    /// <summary>Registers exactly one staff chat of those the channels offer, as <see cref="StaffChatKey"/> chooses.</summary>
    private static void AddBlockBotStaffChat(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<StaffChatOption> offered)
    {
        var name = configuration[StaffChatKey];
        var chosen = string.IsNullOrWhiteSpace(name)
            ? offered.First(o => o.ChosenByDefault)
            : offered.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? throw Invalid($"{StaffChatKey} must be {string.Join(", ", offered.Select(o => o.Name).SkipLast(1))} or {offered[^1].Name}, not '{name}'");
        if (chosen.Unavailable is { } reason)
        {
            throw Invalid($"{StaffChatKey} is {chosen.Name}, but {reason}");
        }

        chosen.Register(services);
    }

    private static OptionsValidationException Invalid(string message) => new(StaffChatKey, typeof(string), [message]);
}
