using BlockBot.Conversation.State;
using BlockBot.Storage;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BlockBot.Tests.Storage;

/// <summary>
/// State documents keep the format they have always had, Json.NET's typed JSON with simple assembly names, though the
/// store names the types itself: documents written before and after read alike, and an unchanged state is told by its
/// text.
/// </summary>
public sealed class StateJsonTests
{
    [Fact]
    public void A_state_is_written_as_Json_NET_writes_it_with_simple_type_names()
    {
        var state = new Dictionary<string, object>
        {
            ["DialogState"] = new DialogState
            {
                Stack = [new DialogFrame { DialogId = "blocked", StepIndex = 2 }, new DialogFrame { DialogId = "line", StepIndex = 0 }],
                Values = new Dictionary<string, string>(StringComparer.Ordinal) { ["line"] = "Продажи", ["mailing"] = "нет" },
                Suggestions = ["appeal"],
            },
            ["UserProfile"] = new UserProfile { Language = "ru" },
            ["tickets"] = new List<int> { 4, 7 },
            ["lines"] = new[] { "Продажи", "Support" },
            ["byLine"] = new Dictionary<string, List<long>> { ["Продажи"] = [1, 2] },
            ["json"] = new JObject { ["a"] = 1 },
        };
        var expected = JsonConvert.SerializeObject(state, Formatting.None, new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.All,
            TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Simple,
        });
        var written = JToken.FromObject(state, StateJson.Serializer).ToString(Formatting.None);

        Assert.Contains("\"$type\":\"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib\"", written, StringComparison.Ordinal);
        Assert.Equal(expected, written);
        var readBack = StateJson.Serializer.Deserialize(new JsonTextReader(new StringReader(expected)));
        Assert.Equal(expected, JToken.FromObject(readBack!, StateJson.Serializer).ToString(Formatting.None));
    }
}
