using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.Bitrix24.Fake;

/// <summary>The fake's own reading of PHP bracket keys (<c>a[b][0][c]=v</c>), independent of the product's encoder.</summary>
public static class FakeForm
{
    public static JsonObject Decode(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var root = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            var names = key.Replace("]", string.Empty, StringComparison.Ordinal).Split('[');
            var node = root;
            foreach (var name in names[..^1])
            {
                if (node[name] is not JsonObject child)
                {
                    child = new JsonObject();
                    node[name] = child;
                }

                node = child;
            }

            node[names[^1]] = value;
        }

        return root;
    }

    public static JsonObject DecodeQuery(string query) =>
        Decode(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)
            .Select(p => new KeyValuePair<string, string>(p.Key, p.Value.ToString())));
}
