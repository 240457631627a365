using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Receiving;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Channels.Telegram.Staff;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Support.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace BlockBot.Channels.Telegram;

public static class TelegramServiceCollectionExtensions
{
    /// <summary>True when <c>BlockBot:Telegram:Token</c> is set: the Telegram channel is to run.</summary>
    public static bool IsTelegramConfigured(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[TelegramOptions.TokenKey]);

    /// <summary>
    /// The Telegram channel: the client, the inbox and outbox, the one send limiter, polling or the webhook
    /// endpoint, and the staff group's actions. The staff chat itself is chosen separately
    /// (<see cref="TelegramStaffChatOption"/>). Its health check asks the Bot API for <c>getMe</c>. What the channel keeps
    /// durably it declares as ports — <see cref="ITelegramStore"/>, <see cref="ISharedSendSchedule"/>,
    /// <see cref="IStrangerNoticeStore"/> and the writers of its turn records — which the storage project implements and
    /// the host registers beside this (ADR 0010).
    /// </summary>
    public static IServiceCollection AddBlockBotTelegram(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelegramOptions>()
            .Bind(configuration.GetSection(TelegramOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidation>();

        services.AddSingleton<ITelegramBotClient>(sp => CreateClient(sp.GetRequiredService<IOptions<TelegramOptions>>().Value));
        services.AddSingleton<TelegramBotIdentity>();
        services.AddSingleton<IHandoverLink, TelegramHandoverLink>();
        services.AddSingleton<TelegramQuarantine>();
        services.AddSingleton<TelegramUpdateIntake>();
        services.AddSingleton<TelegramSendLimiter>();
        services.AddSingleton<TelegramOutboxSender>();
        services.AddSingleton<TelegramInboxProcessor>();
        services.AddSingleton<TelegramAdapter>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<TelegramAdapter>());
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddSingleton<TelegramStaffChat>();
        services.AddSingleton<TelegramStaffActions>();
        services.AddSingleton<StrangerNotices>();
        services.AddSingleton<TelegramWebhookEndpoint>();
        services.AddSingleton<IStartupFilter, TelegramWebhookStartupFilter>();
        services.AddHealthChecks().AddCheck<TelegramHealthCheck>("telegram", tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(10));

        // Started in this order: the start-up check first, so nothing runs against a wrong token.
        services.AddHostedService<TelegramStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<TelegramOutboxSender>());
        services.AddHostedService(sp => sp.GetRequiredService<TelegramInboxProcessor>());
        services.AddHostedService<TelegramInboxRetention>();
        if (configuration.GetValue<TelegramMode?>(TelegramOptions.Section + ":Mode") is null or TelegramMode.Polling)
        {
            services.AddHostedService<TelegramPollingService>();
        }

        return services;
    }

    /// <summary>
    /// The Telegram group as the staff chat: chosen by default when <c>BlockBot:Telegram:StaffChatId</c> is set,
    /// available when the channel runs.
    /// </summary>
    public static StaffChatOption TelegramStaffChatOption(this IConfiguration configuration) => new()
    {
        Name = "Telegram",
        ChosenByDefault = !string.IsNullOrWhiteSpace(configuration[TelegramOptions.StaffChatIdKey]),
        Unavailable = configuration.IsTelegramConfigured() ? null : $"{TelegramOptions.TokenKey} is not set",
        Register = services => services.AddBlockBotTelegramStaffChat(),
    };

    /// <summary>The staff chat is the Telegram group <c>BlockBot:Telegram:StaffChatId</c>. Needs <see cref="AddBlockBotTelegram"/>.</summary>
    public static IServiceCollection AddBlockBotTelegramStaffChat(this IServiceCollection services)
    {
        services.AddSingleton<IStaffChat>(sp => sp.GetRequiredService<TelegramStaffChat>());
        services.AddOptions<TelegramOptions>()
            .Validate(o => o.StaffChatId is not null, $"{TelegramOptions.StaffChatIdKey} must be set when the staff chat is Telegram");
        return services;
    }

    private static TelegramBotClient CreateClient(TelegramOptions options)
    {
        // Our own HttpClient, not IHttpClientFactory's: its logging handlers would print request URLs, and
        // every Bot API URL carries the token. Longer than the long poll, so getUpdates is not cut short.
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) })
        {
            Timeout = TimeSpan.FromSeconds(options.PollingTimeoutSeconds + 30),
        };
        var baseUrl = string.Equals(options.ApiUrl.TrimEnd('/'), TelegramOptions.PublicApiUrl, StringComparison.OrdinalIgnoreCase) ? null : options.ApiUrl;
        // Retries on 429 are the send limiter's job (it waits retry_after per chat); the client must not sleep on its own.
        return new TelegramBotClient(new TelegramBotClientOptions(options.Token, baseUrl) { RetryThreshold = 0 }, http);
    }
}
