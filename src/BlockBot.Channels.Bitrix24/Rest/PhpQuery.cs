using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// PHP's bracket notation (<c>http_build_query</c>): how Bitrix24 posts events and how a <c>batch</c> command
/// carries its parameters. <c>fields[keyboard][BUTTONS][0][TEXT]=Yes</c> is <c>{fields:{keyboard:{BUTTONS:[{TEXT:"Yes"}]}}}</c>.
/// </summary>
public static class PhpQuery
{
    public static string Encode(JsonObject parameters)
    {
        var pairs = new List<string>();
        foreach (var (name, value) in parameters)
        {
            Flatten(name, value, pairs);
        }

        return string.Join("&", pairs);
    }

    /// <summary>Builds the nested object from decoded pairs. Lists become objects keyed "0", "1", …; readers accept both.</summary>
    public static JsonObject Decode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            var path = SplitKey(key);
            if (path is null)
            {
                throw new FormatException("A form key has unbalanced brackets.");
            }

            var node = root;
            for (var i = 0; i < path.Count - 1; i++)
            {
                if (node[path[i]] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[path[i]] = child;
                }

                node = child;
            }

            node[path[^1]] = value;
        }

        return root;
    }

    private static List<string>? SplitKey(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [key];
        }

        var parts = new List<string> { key[..open] };
        var rest = key[open..];
        while (rest.Length > 0)
        {
            if (rest[0] != '[')
            {
                return null;
            }

            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            parts.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }

        return parts.Any(p => p.Length == 0) ? null : parts;
    }

    private static void Flatten(string prefix, JsonNode? value, List<string> pairs)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Flatten($"{prefix}[{name}]", child, pairs);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten($"{prefix}[{i.ToString(CultureInfo.InvariantCulture)}]", array[i], pairs);
                }

                break;
            case null:
                pairs.Add(Uri.EscapeDataString(prefix) + "=");
                break;
            default:
                pairs.Add(Uri.EscapeDataString(prefix) + "=" + Uri.EscapeDataString(Scalar((JsonValue)value)));
                break;
        }
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => "1",
        JsonValueKind.False => "0",
        _ => value.ToJsonString(),
    };
}
