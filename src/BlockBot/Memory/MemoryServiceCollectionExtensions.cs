using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Memory;

public static class MemoryServiceCollectionExtensions
{
    /// <summary>Giving memory back after start-up and after bursts of work (<see cref="IdleMemoryRelease"/>).</summary>
    public static IServiceCollection AddBlockBotMemory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MemoryOptions>()
            .Bind(configuration.GetSection(MemoryOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IProcessMemory, ProcessMemory>();
        services.AddSingleton<IdleMemoryRelease>();
        services.AddHostedService(sp => sp.GetRequiredService<IdleMemoryRelease>());
        return services;
    }
}
