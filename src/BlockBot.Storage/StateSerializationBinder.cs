using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;
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
/// and reads the same few types, and asking an assembly its name allocates. So is the name a type is written with:
/// Json.NET's "simple" form (assembly names without version, culture or key), which Json.NET would otherwise build
/// anew, in two strings and a StringBuilder, for every typed object of every document (<see cref="StateJson"/>).
/// </remarks>
internal sealed partial class StateSerializationBinder : ISerializationBinder
{
    private static readonly DefaultSerializationBinder Default = new();

    private static readonly ConcurrentDictionary<Type, bool> Allowed = new();

    /// <summary>Names already bound to an allowed type; a refused name is never kept, so it is refused every time.</summary>
    private static readonly ConcurrentDictionary<(string? Assembly, string Type), Type> Bound = new();

    /// <summary>The name each allowed type is written with, assembly included.</summary>
    private static readonly ConcurrentDictionary<Type, string> Names = new();

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

    /// <summary>
    /// Names the type whole in <paramref name="typeName"/>, with no separate assembly name, which Json.NET, told to
    /// write names in full, writes as it is.
    /// </summary>
    public void BindToName(Type serializedType, out string? assemblyName, out string? typeName)
    {
        EnsureAllowed(serializedType);
        assemblyName = null;
        typeName = Names.GetOrAdd(serializedType, static type => AssemblyDetails().Replace(type.AssemblyQualifiedName!, string.Empty));
    }

    /// <summary>The parts of an assembly-qualified name the simple form leaves out, at every level of generic arguments.</summary>
    [GeneratedRegex(@", (?:Version|Culture|PublicKeyToken)=[^,\]]*")]
    private static partial Regex AssemblyDetails();

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
