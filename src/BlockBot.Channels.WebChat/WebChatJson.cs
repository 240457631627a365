using System.Globalization;
using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace BlockBot.Channels.WebChat;

/// <summary>Activities as Direct Line writes them: Bot Framework's own JSON (Newtonsoft, camelCase by the schema's attributes, no nulls).</summary>
public static class WebChatJson
{
    private static readonly JsonSerializerSettings Settings = new()
    {
        NullValueHandling = NullValueHandling.Ignore,
        DateParseHandling = DateParseHandling.None,
        MaxDepth = 32,
    };

    public static string Serialize(Activity activity) => JsonConvert.SerializeObject(activity, Settings);

    /// <summary>Direct Line's activity set: <c>{"activities":[…],"watermark":"N"}</c>, the stored JSON written as it is.</summary>
    public static string ActivitySet(IReadOnlyList<StoredActivity> activities, long watermark)
    {
        var text = new StringBuilder("{\"activities\":[");
        for (var i = 0; i < activities.Count; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(activities[i].Json);
        }

        return text.Append("],\"watermark\":\"").Append(watermark.ToString(CultureInfo.InvariantCulture)).Append("\"}").ToString();
    }
}
