using BlockBot.Channels.WebChat.DirectLine;
using BlockBot.Channels.WebChat.Page;
using BlockBot.Channels.WebChat.Retention;
using BlockBot.Channels.WebChat.Streaming;
using BlockBot.Channels.WebChat.Tokens;
using BlockBot.Conversation.Abstractions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.WebChat;

public static class WebChatServiceCollectionExtensions
{
    internal const string CorsPolicy = "webchat";

    /// <summary>True when a site secret is set (<c>BlockBot:WebChat:Secrets:0</c>): the web chat is to run, on the web host.</summary>
    public static bool IsWebChatConfigured(this IConfiguration configuration) =>
        configuration.GetSection(WebChatOptions.SecretsKey).GetChildren().Any(c => !string.IsNullOrWhiteSpace(c.Value));

    /// <summary>
    /// The web chat: Direct Line 3.0 and the <c>/chat</c> page (mapped by <see cref="MapBlockBotWebChat"/>), the
    /// adapter, tokens, CORS and rate limits. What it keeps durably is the port <see cref="IWebChatStore"/> plus the
    /// writer of <see cref="WebChatActivityQueued"/>, which the storage project implements and the host registers
    /// beside this (ADR 0010, 0013). Needs the web host (<c>BlockBot:Http:Urls</c>).
    /// </summary>
    public static IServiceCollection AddBlockBotWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>();
        services.AddOptions<WebChatRetentionOptions>()
            .Bind(configuration.GetSection(WebChatRetentionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebChatTokens>();
        services.AddSingleton<WebChatSignals>();
        services.AddSingleton<WebChatAdapter>();
        // Visitors close the page: a reminder scheduled here offers to continue where it reaches them (ADR 0015).
        services.AddSingleton(new TransientChannel(WebChatAdapter.Channel));
        services.AddSingleton<IChannelDataEraser, WebChatDataEraser>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<WebChatAdapter>());
        services.AddSingleton<DirectLineApi>();
        services.AddSingleton<WebChatStream>();
        services.AddSingleton<ChatPage>();
        services.AddHostedService<WebChatRetentionService>();

        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<WebChatOptions>>((cors, webChat) =>
            cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins([.. webChat.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                .WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent")
                .WithMethods("GET", "POST")));
        services.AddWebChatRateLimits();
        return services;
    }

    /// <summary>Maps Direct Line under <c>/v3/directline</c> and the page under <c>/chat</c>, behind CORS, the rate limits and WebSockets.</summary>
    public static WebApplication MapBlockBotWebChat(this WebApplication app)
    {
        app.UseCors();
        app.UseRateLimiter();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        DirectLineEndpoints.Map(app);
        ChatPage.Map(app);
        return app;
    }
}
