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
/// default binder resolves those by itself without asking.
/// </remarks>
internal sealed class StateSerializationBinder : ISerializationBinder
{
    private static readonly DefaultSerializationBinder Default = new();

    public static StateSerializationBinder Instance { get; } = new();

    public Type BindToType(string? assemblyName, string typeName)
    {
        if (assemblyName is not null && !IsAllowedAssembly(new AssemblyName(assemblyName).Name, NamespaceOf(typeName)))
        {
            throw Refused($"{typeName}, {assemblyName}");
        }

        var type = Default.BindToType(assemblyName, typeName);
        EnsureAllowed(type);
        return type;
    }

    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        EnsureAllowed(serializedType);
        Default.BindToName(serializedType, out assemblyName, out typeName);
    }

    private static void EnsureAllowed(Type type)
    {
        if (type.HasElementType)
        {
            EnsureAllowed(type.GetElementType()!);
            return;
        }

        if (!IsAllowedAssembly(type.Assembly.GetName().Name, type.Namespace))
        {
            throw Refused(type.AssemblyQualifiedName ?? type.FullName ?? type.Name);
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                EnsureAllowed(argument);
            }
        }
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
