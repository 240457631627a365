using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.Bitrix24.Fake;

/// <summary>
/// Chatbots 2.0 event data shaped as the docs show it (events.md: <c>bot, message, chat, user, language</c>), for an
/// open-line chat (<c>chat.entityType = LINES</c>, <c>entityId = connector|line|chat|user</c>) or a staff group chat.
/// </summary>
public static class FakeEvents
{
    public const string MessageAdd = "ONIMBOTV2MESSAGEADD";
    public const string CommandAdd = "ONIMBOTV2COMMANDADD";
    public const string JoinChat = "ONIMBOTV2JOINCHAT";

    private static long _messageId = 90_000;

    public static JsonObject CustomerMessage(long chatId, long userId, string text, string language = "en") =>
        Message(LineChat(chatId, userId), User(userId, "Customer " + userId, connector: true), text, language);

    public static JsonObject OperatorMessage(long chatId, long customerId, long operatorId, string text) =>
        Message(LineChat(chatId, customerId), User(operatorId, "Operator", connector: false), text, "en");

    public static JsonObject SystemMessage(long chatId, long customerId, string text)
    {
        var data = Message(LineChat(chatId, customerId), User(customerId, "Customer", connector: true), text, "en");
        data["message"]!["isSystem"] = true;
        return data;
    }

    public static JsonObject KeyboardPress(long chatId, long userId, string command, string parameters, string language = "en")
    {
        var data = Message(LineChat(chatId, userId), User(userId, "Customer " + userId, connector: true), $"/{command} {parameters}", language);
        data["command"] = new JsonObject { ["id"] = 1, ["command"] = "/" + command, ["params"] = parameters, ["context"] = "keyboard" };
        return data;
    }

    public static JsonObject Join(long chatId, long customerId, string language = "en") => new()
    {
        ["bot"] = Bot(),
        ["dialogId"] = "chat" + chatId.ToString(CultureInfo.InvariantCulture),
        ["chat"] = LineChat(chatId, customerId),
        ["user"] = User(1, "Portal admin", connector: false),
        ["language"] = language,
    };

    public static JsonObject StaffMessage(string dialogId, long userId, string name, string text) =>
        Message(GroupChat(dialogId), User(userId, name, connector: false), text, "en");

    public static JsonObject StaffPress(string dialogId, long userId, string name, string command, string parameters)
    {
        var data = Message(GroupChat(dialogId), User(userId, name, connector: false), $"/{command} {parameters}", "en");
        data["command"] = new JsonObject { ["id"] = 2, ["command"] = "/" + command, ["params"] = parameters, ["context"] = "keyboard" };
        return data;
    }

    /// <summary>
    /// The webhook-mode form body: PHP bracket keys, every scalar a string ("1"/"0" for booleans, "" for null), the
    /// bot reduced to <c>{id, code, auth}</c>, and the top-level <c>auth</c>.
    /// </summary>
    public static List<KeyValuePair<string, string>> ToForm(string type, JsonObject data, long botId, string? applicationToken)
    {
        var webhookData = (JsonObject)data.DeepClone();
        webhookData["bot"] = new JsonObject
        {
            ["id"] = botId,
            ["code"] = "blockbot",
            ["auth"] = new JsonObject { ["access_token"] = "bot-access", ["application_token"] = "inner-token-not-checked" },
        };
        var pairs = new List<KeyValuePair<string, string>> { new("event", type), new("ts", "1772093963") };
        Flatten("data", webhookData, pairs);
        pairs.Add(new("auth[domain]", "portal.example"));
        if (applicationToken is not null)
        {
            pairs.Add(new("auth[application_token]", applicationToken));
        }

        return pairs;
    }

    private static void Flatten(string prefix, JsonNode? node, List<KeyValuePair<string, string>> pairs)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Flatten($"{prefix}[{key}]", value, pairs);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten($"{prefix}[{i}]", array[i], pairs);
                }

                break;
            case null:
                pairs.Add(new(prefix, string.Empty));
                break;
            case JsonValue value:
                pairs.Add(new(prefix, value.GetValueKind() switch
                {
                    JsonValueKind.True => "1",
                    JsonValueKind.False => "0",
                    JsonValueKind.String => value.GetValue<string>(),
                    _ => value.ToJsonString(),
                }));
                break;
        }
    }

    private static JsonObject Message(JsonObject chat, JsonObject user, string text, string language) => new()
    {
        ["bot"] = Bot(),
        ["message"] = new JsonObject
        {
            ["id"] = Interlocked.Increment(ref _messageId),
            ["chatId"] = chat["id"]!.DeepClone(),
            ["authorId"] = user["id"]!.DeepClone(),
            ["date"] = DateTimeOffset.UtcNow.ToString("O"),
            ["text"] = text,
            ["isSystem"] = false,
            ["params"] = new JsonObject(),
        },
        ["chat"] = chat,
        ["user"] = user,
        ["language"] = language,
    };

    private static JsonObject Bot() => new() { ["id"] = 456, ["code"] = "blockbot", ["type"] = "openline", ["eventMode"] = "fetch" };

    private static JsonObject LineChat(long chatId, long customerId) => new()
    {
        ["id"] = chatId,
        ["dialogId"] = "chat" + chatId.ToString(CultureInfo.InvariantCulture),
        ["type"] = "lines",
        ["name"] = "Customer chat",
        ["entityType"] = "LINES",
        ["entityId"] = $"whatsapp|2|c{chatId}|{customerId}",
        ["owner"] = 0,
    };

    private static JsonObject GroupChat(string dialogId) => new()
    {
        ["id"] = long.Parse(dialogId["chat".Length..], CultureInfo.InvariantCulture),
        ["dialogId"] = dialogId,
        ["type"] = "chat",
        ["name"] = "Support staff",
        ["entityType"] = string.Empty,
        ["owner"] = 1,
    };

    private static JsonObject User(long id, string name, bool connector) => new()
    {
        ["id"] = id,
        ["active"] = true,
        ["name"] = name,
        ["bot"] = false,
        ["connector"] = connector,
        ["type"] = connector ? "extranet" : "employee",
    };
}
