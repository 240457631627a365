using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Webhook;

/// <summary>Puts the event endpoint in front of the web host's pipeline; the program itself maps nothing.</summary>
public sealed class Bitrix24WebhookStartupFilter(IOptions<Bitrix24Options> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map(options.Value.EventPath, branch => branch.Run(http =>
            http.RequestServices.GetRequiredService<Bitrix24WebhookEndpoint>().HandleAsync(http)));
        next(app);
    };
}
