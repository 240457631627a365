using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace BlockBot.Storage.Turns;

public static class TurnRecordWriterServiceCollectionExtensions
{
    /// <summary>Registers the writer of one record type; registering the same writer again changes nothing.</summary>
    public static IServiceCollection AddTurnRecordWriter<TWriter>(this IServiceCollection services)
        where TWriter : class, ITurnRecordWriter
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ITurnRecordWriter, TWriter>());
        return services;
    }
}
