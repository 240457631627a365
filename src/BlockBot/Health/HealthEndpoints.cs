using BlockBot.Conversation.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
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

    /// <summary>The database and the scheduler; each channel's <c>AddBlockBot…</c> registers its own API's check.</summary>
    public static void AddBlockBotHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthTags.Ready]);

    public static void MapBlockBotHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) });
    }
}
