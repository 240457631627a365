using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Telegram.Receiving;

/// <summary>Maps the webhook endpoint at the path of <c>BlockBot:Telegram:WebhookUrl</c> when the bot runs as a web application.</summary>
public sealed class TelegramWebhookStartupFilter(IOptions<TelegramOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (options.Value.Mode == TelegramMode.Webhook)
        {
            var endpoint = app.ApplicationServices.GetRequiredService<TelegramWebhookEndpoint>();
            app.Map(options.Value.WebhookPath, branch => branch.Run(endpoint.HandleAsync));
        }

        next(app);
    };
}
