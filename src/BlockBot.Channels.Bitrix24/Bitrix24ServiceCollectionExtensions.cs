using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Channels.Bitrix24.Fetch;
using BlockBot.Channels.Bitrix24.Rest;
using BlockBot.Channels.Bitrix24.Staff;
using BlockBot.Channels.Bitrix24.Webhook;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Diagnostics;
using BlockBot.Support.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24;

public static class Bitrix24ServiceCollectionExtensions
{
    /// <summary>Whether the configuration names a portal to work with (an incoming webhook or OAuth keys).</summary>
    public static bool IsBitrix24Configured(this IConfiguration configuration)
    {
        var section = configuration.GetSection(Bitrix24Options.Section);
        return !string.IsNullOrWhiteSpace(section[nameof(Bitrix24Options.WebhookUrl)])
               || !string.IsNullOrWhiteSpace(section[nameof(Bitrix24Options.PortalUrl)])
               || !string.IsNullOrWhiteSpace(section[nameof(Bitrix24Options.RefreshToken)]);
    }

    /// <summary>
    /// The Bitrix24 open-lines channel: registration at start, events by fetch or webhook, the adapter, the REST
    /// client with the portal's rate limit, and the operator transfer. Its health check calls <c>server.time</c>.
    /// The staff chat there is separate: <see cref="Bitrix24StaffChatOption"/>. What the channel keeps durably is the
    /// port <see cref="IBitrix24Store"/> plus the writer of <see cref="Bitrix24EventProcessed"/>, which the storage
    /// project implements and the host registers beside this (ADR 0010).
    /// </summary>
    public static IServiceCollection AddBlockBotBitrix24(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<Bitrix24Options>()
            .Bind(configuration.GetSection(Bitrix24Options.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<Bitrix24Options>>(new Bitrix24OptionsValidator(configuration));

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Bitrix24Bot>();
        services.AddSingleton<Bitrix24RequestBucket>();

        // The default HttpClient logging writes request URLs, and a webhook URL holds its secret.
        services.AddHttpClient<Bitrix24RestClient>().RemoveAllLoggers();
        services.AddHttpClient(nameof(OAuthCredentials)).RemoveAllLoggers();
        services.AddSingleton<IBitrix24Credentials>(sp =>
            sp.GetRequiredService<IOptions<Bitrix24Options>>().Value.UsesWebhookAuth
                ? ActivatorUtilities.CreateInstance<WebhookCredentials>(sp)
                : ActivatorUtilities.CreateInstance<OAuthCredentials>(sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(OAuthCredentials))));
        services.AddTransient<Bitrix24Api>();

        services.AddSingleton<Bitrix24Adapter>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<Bitrix24Adapter>());
        services.AddSingleton<IOperatorTransfer, Bitrix24OperatorTransfer>();
        services.AddSingleton<Bitrix24StaffCommands>();
        services.AddSingleton(sp => new Bitrix24StaffChat(
            sp.GetRequiredService<Bitrix24Api>(),
            sp.GetRequiredService<Bitrix24Bot>(),
            sp.GetRequiredService<TicketCardText>(),
            sp.GetRequiredService<IOptions<Bitrix24Options>>()));
        services.AddSingleton<Bitrix24EventRouter>();
        services.AddHostedService<Bitrix24Registration>();
        services.AddHealthChecks().AddCheck<Bitrix24HealthCheck>("bitrix24", tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(10));

        var mode = configuration.GetSection(Bitrix24Options.Section).GetValue<Bitrix24EventMode?>(nameof(Bitrix24Options.EventMode)) ?? Bitrix24EventMode.Fetch;
        if (mode == Bitrix24EventMode.Webhook)
        {
            services.AddSingleton<Bitrix24WebhookEndpoint>();
            services.AddTransient<IStartupFilter, Bitrix24WebhookStartupFilter>();
        }
        else
        {
            services.AddHostedService<Bitrix24FetchService>();
        }

        return services;
    }

    /// <summary>
    /// The Bitrix24 chat as the staff chat: chosen by default when <c>BlockBot:Bitrix24:StaffDialogId</c> is set,
    /// available when the portal is configured.
    /// </summary>
    public static StaffChatOption Bitrix24StaffChatOption(this IConfiguration configuration) => new()
    {
        Name = "Bitrix24",
        ChosenByDefault = !string.IsNullOrWhiteSpace(configuration[$"{Bitrix24Options.Section}:{nameof(Bitrix24Options.StaffDialogId)}"]),
        Unavailable = configuration.IsBitrix24Configured() ? null : "the portal is not configured (BlockBot:Bitrix24:WebhookUrl or its OAuth keys)",
        Register = services => services.AddBlockBotBitrix24StaffChat(),
    };

    /// <summary>The staff chat is the Bitrix24 chat <c>BlockBot:Bitrix24:StaffDialogId</c>; needs <see cref="AddBlockBotBitrix24"/>.</summary>
    public static IServiceCollection AddBlockBotBitrix24StaffChat(this IServiceCollection services)
    {
        services.AddOptions<Bitrix24Options>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.StaffDialogId), "BlockBot:StaffChat=Bitrix24 needs BlockBot:Bitrix24:StaffDialogId (e.g. chat42)")
            .Validate(o => o.StaffUserIds.Count > 0, "BlockBot:StaffChat=Bitrix24 needs BlockBot:Bitrix24:StaffUserIds: the portal users who may act on tickets");
        services.AddSingleton<IStaffChat>(sp => sp.GetRequiredService<Bitrix24StaffChat>());
        return services;
    }
}
