using System.Collections.Concurrent;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace BlockBot.Storage;

/// <summary>
/// Lets stored state name only our own types, Bot Builder's, and the framework's collections and primitives.
/// </summary>
/// <remarks>
/// State is stored with <see cref="TypeNameHandling.All"/> so that BotState gets its typed objects back;
/// without an allow-list a <c>$type</c> in the database could make Json.NET instantiate any loadable type.
/// The resolved type is checked again with all its generic arguments and element types, because the
/// default binder resolves those by itself without asking. A type's verdict is kept once decided: every turn writes
/// and reads the same few types, and asking an assembly its name allocates.
/// </remarks>
internal sealed class StateSerializationBinder : ISerializationBinder
{
    private static readonly DefaultSerializationBinder Default = new();

    private static readonly ConcurrentDictionary<Type, bool> Allowed = new();

    /// <summary>Names already bound to an allowed type; a refused name is never kept, so it is refused every time.</summary>
    private static readonly ConcurrentDictionary<(string? Assembly, string Type), Type> Bound = new();

    public static StateSerializationBinder Instance { get; } = new();

    public Type BindToType(string? assemblyName, string typeName) =>
        Bound.TryGetValue((assemblyName, typeName), out var bound) ? bound : Bind(assemblyName, typeName);

    private static Type Bind(string? assemblyName, string typeName)
    {
        if (assemblyName is not null && !IsAllowedAssembly(new AssemblyName(assemblyName).Name, NamespaceOf(typeName)))
        {
            throw Refused($"{typeName}, {assemblyName}");
        }

        var type = Default.BindToType(assemblyName, typeName);
        EnsureAllowed(type);
        Bound.TryAdd((assemblyName, typeName), type);
        return type;
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        EnsureAllowed(serializedType);
        Default.BindToName(serializedType, out assemblyName, out typeName);
    }

    private static void EnsureAllowed(Type type)
    {
        if (!Allowed.GetOrAdd(type, IsAllowed))
        {
            throw Refused(type.AssemblyQualifiedName ?? type.FullName ?? type.Name);
        }
    }

    private static bool IsAllowed(Type type)
    {
        if (type.HasElementType)
        {
            return IsAllowed(type.GetElementType()!);
        }

        return IsAllowedAssembly(type.Assembly.GetName().Name, type.Namespace)
               && (!type.IsGenericType || type.GetGenericArguments().All(IsAllowed));
    }

    private static bool IsAllowedAssembly(string? assembly, string? @namespace) => assembly switch
    {
        null => false,
        "BlockBot" or "System.Private.CoreLib" or "System.Collections" => true,
        "Newtonsoft.Json" => @namespace == "Newtonsoft.Json.Linq",
        _ => assembly.StartsWith("BlockBot.", StringComparison.Ordinal)
             || assembly.StartsWith("Microsoft.Bot.", StringComparison.Ordinal),
    };

    private static string? NamespaceOf(string typeName)
    {
        // "Ns.Outer+Inner`1[[...]]": the namespace is what precedes the last dot before any generic argument list.
        var end = typeName.IndexOf('[', StringComparison.Ordinal);
        var name = end < 0 ? typeName : typeName[..end];
        var dot = name.LastIndexOf('.');
        return dot < 0 ? null : name[..dot];
    }

    private static JsonSerializationException Refused(string type) =>
        new($"Type '{type}' may not be stored in or read from bot state; only BlockBot, Bot Builder and framework collection types are allowed.");
}
