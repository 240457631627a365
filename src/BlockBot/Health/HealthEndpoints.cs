using BlockBot.Channels.Bitrix24;
using BlockBot.Channels.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Health;

/// <summary>
/// <c>/health/live</c>: the process serves HTTP (no check runs). <c>/health/ready</c>: the database, the scheduler
/// and each enabled channel's API answer. Only when the web host runs (<c>BlockBot:Http:Urls</c>).
/// </summary>
internal static class HealthEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    private const string Ready = "ready";

    public static void AddBlockBotHealthChecks(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [Ready]);
        if (configuration.IsTelegramConfigured())
        {
            checks.AddCheck<TelegramHealthCheck>("telegram", tags: [Ready], timeout: TimeSpan.FromSeconds(10));
        }

        if (configuration.IsBitrix24Configured())
        {
            checks.AddCheck<Bitrix24HealthCheck>("bitrix24", tags: [Ready], timeout: TimeSpan.FromSeconds(10));
        }
    }

    public static void MapBlockBotHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
    }
}
