using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// Reads fields the same way whether they came typed (fetch mode, JSON) or as strings (webhook mode, where
/// every scalar is a string: "789", "1"/"0", "" for null).
/// </summary>
public static class JsonRead
{
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        JsonValue value when value.GetValueKind() == JsonValueKind.Null => null,
        JsonValue value => value.ToJsonString(),
        _ => null,
    };

    public static long? Number(JsonNode? node) =>
        long.TryParse(Text(node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static bool Flag(JsonNode? node) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.True => true,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>() is "1" or "Y" or "true",
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.ToJsonString() != "0",
        _ => false,
    };
}
