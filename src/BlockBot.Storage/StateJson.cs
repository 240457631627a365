using Newtonsoft.Json;

namespace BlockBot.Storage;

/// <summary>How bot state documents are written and read: typed like Bot Builder's MemoryStorage, through an allow-list.</summary>
internal static class StateJson
{
    public static JsonSerializer Serializer { get; } = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = StateSerializationBinder.Instance,
        // The binder names types in the simple form already, once per type; "full" writes its names as they are.
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        // Untyped slots (BotState keeps properties as object) would otherwise turn date-like text into DateTime.
        DateParseHandling = DateParseHandling.None,
    });
}
