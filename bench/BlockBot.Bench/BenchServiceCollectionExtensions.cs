using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Proactive;
using BlockBot.Storage.Sql;
using BlockBot.Support.Staff;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Bench;

public static class BenchServiceCollectionExtensions
{
    /// <summary>
    /// The bench as a channel beside <c>AddBlockBotCore</c> (its adapter and the automated staff chat), and
    /// measuring wrappers around the product's event dispatcher, state storage and dialog actions.
    /// Call after <c>AddBlockBotCore</c>: the wrappers replace its registrations.
    /// </summary>
    /// <param name="shared">What this instance shares with the run's other instances.</param>
    public static IServiceCollection AddBlockBotBench(this IServiceCollection services, BenchShared shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        services.AddSingleton(shared.Inboxes);
        services.AddSingleton(shared.Measurements);
        services.AddSingleton(shared.Timings);
        services.AddSingleton(shared.FireDelays);
        services.AddSingleton<BenchAdapter>();
        services.AddSingleton<IProactiveAdapter>(sp => sp.GetRequiredService<BenchAdapter>());
        services.AddSingleton<AutoStaffChat>();
        services.AddSingleton<IStaffChat>(sp => sp.GetRequiredService<AutoStaffChat>());
        services.AddSingleton<AutoStaff>();
        services.AddHostedService(sp => sp.GetRequiredService<AutoStaff>());

        services.AddSingleton<ConversationEventDispatcher>();
        services.AddSingleton<EventDeliveryCounter>();
        services.Replace(ServiceDescriptor.Singleton<IConversationEvents>(sp => sp.GetRequiredService<EventDeliveryCounter>()));

        services.AddSingleton<SqlStorage>();
        services.Replace(ServiceDescriptor.Singleton<IStorage>(sp => new TimedStorage(sp.GetRequiredService<SqlStorage>(), sp.GetRequiredService<OperationTimings>())));

        foreach (var action in services.Where(d => d.ServiceType == typeof(IDialogAction)).ToList())
        {
            Func<IServiceProvider, object> create = action switch
            {
                { ImplementationType: { } type } => sp => ActivatorUtilities.CreateInstance(sp, type),
                { ImplementationFactory: { } factory } => factory,
                { ImplementationInstance: { } instance } => _ => instance,
                _ => throw new InvalidOperationException("A dialog action is registered in a way the bench cannot time."),
            };
            services.Remove(action);
            services.AddSingleton<IDialogAction>(sp => new TimedDialogAction((IDialogAction)create(sp), sp.GetRequiredService<OperationTimings>()));
        }

        return services;
    }
}
