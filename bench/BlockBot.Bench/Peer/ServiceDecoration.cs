using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Bench.Peer;

public static class ServiceDecoration
{
    /// <summary>Wraps the last registration of <typeparamref name="TService"/> (a singleton) in <paramref name="decorate"/>.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(TService))
            ?? throw new InvalidOperationException($"{typeof(TService).Name} is not registered.");
        services.Remove(inner);
        services.AddSingleton(sp => decorate(Resolve<TService>(inner, sp), sp));
        return services;
    }

    private static TService Resolve<TService>(ServiceDescriptor descriptor, IServiceProvider services) =>
        (TService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
