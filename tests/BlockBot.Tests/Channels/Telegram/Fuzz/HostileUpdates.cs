using System.Text;
using System.Text.Json.Nodes;
using BlockBot.Tests.Channels.Telegram.Fake;

namespace BlockBot.Tests.Channels.Telegram.Fuzz;

/// <summary>
/// Seeded, reproducible hostile Telegram updates: real update shapes (texts, presses, membership changes, edits,
/// photos, channel posts, kinds nobody knows yet) with future enum values, unknown fields, missing or null parts,
/// values of the wrong type or out of range, cut short or oversized; for the webhook also bodies that are not
/// JSON at all. Their chats are all in <see cref="NoiseChats"/>, apart from the customers' and the staff group's.
/// </summary>
public sealed class HostileUpdates(int seed, int oversizedBytes)
{
    /// <summary>Every chat and user id a noise update names (before a mutation turns it into something else).</summary>
    public const long NoiseChats = 1_000_000;

    private static readonly string[] Texts = ["/start", "1", "2", "/help", "hello", "да", "<b>&amp;", "\u202e\u0000\u001b[2J", "🙂🙂", ""];
    private static readonly string[] FutureWords = ["future_kind", "hyper_link", "", "PRIVATE", "0", "private ", "💥"];
    private static readonly JsonNode?[] Strangers =
    [
        null, 0, -1, 3.5, 9007199254740993, 1e300, true, "12", "", new JsonArray(), new JsonObject(), new JsonArray(1, "x", null),
    ];

    private readonly Random _random = new(seed);

    /// <summary>An update for getUpdates: any JSON value, usually an update gone wrong.</summary>
    /// <remarks>
    /// Telegram numbers the updates itself, and the offset that confirms them follows those numbers, so here an
    /// update_id may go missing or be garbled but never names an update still to come.
    /// </remarks>
    public JsonNode? ForPolling(long updateId)
    {
        switch (Pick(20))
        {
            case 0:
                return Strangers[_random.Next(Strangers.Length)]?.DeepClone();
            case 1 when Pick(4) == 0:
                return Oversized(updateId);
            default:
                var update = Mutated(updateId);
                if (update["update_id"] is JsonValue id && id.GetValueKind() == System.Text.Json.JsonValueKind.Number
                    && double.Parse(id.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) > updateId)
                {
                    update["update_id"] = updateId;
                }

                return update;
        }
    }

    /// <summary>A webhook body: the bytes, and whether they go without a Content-Length (chunked).</summary>
    public (byte[] Body, bool Chunked) ForWebhook(long updateId)
    {
        var chunked = Pick(10) == 0;
        var body = Pick(12) switch
        {
            0 => Cut(Encoding.UTF8.GetBytes(Mutated(updateId).ToJsonString())),
            1 => Garbage(),
            2 => Encoding.UTF8.GetBytes(Strangers[_random.Next(Strangers.Length)]?.ToJsonString() ?? "null"),
            3 when Pick(3) == 0 => Encoding.UTF8.GetBytes(new string('[', 70 + Pick(200)) + new string(']', 70)),
            4 when Pick(4) == 0 => OversizedBody(updateId),
            5 when Pick(4) == 0 => [],
            _ => Encoding.UTF8.GetBytes(Mutated(updateId).ToJsonString()),
        };
        return (body, chunked);
    }

    private JsonObject Mutated(long updateId)
    {
        var update = Base();
        update["update_id"] = updateId;
        var mutations = Pick(4);
        for (var i = 0; i < mutations; i++)
        {
            Mutate(update);
        }

        return update;
    }

    private JsonObject Base()
    {
        var chat = 1 + _random.NextInt64(NoiseChats - 1);
        return Pick(8) switch
        {
            0 => Updates.Press(new SentMessage(chat, Pick(1000), "menu", [], null, false, DateTimeOffset.UtcNow, "menu"), chat, Text()),
            1 => new JsonObject
            {
                ["my_chat_member"] = new JsonObject
                {
                    ["chat"] = new JsonObject { ["id"] = -chat, ["type"] = "group", ["title"] = "g" },
                    ["from"] = FakeBotApi.User(chat, "a"),
                    ["date"] = 1767225600,
                    ["old_chat_member"] = new JsonObject { ["status"] = "left", ["user"] = FakeBotApi.User(FakeBotApi.BotId, "b") },
                    ["new_chat_member"] = new JsonObject { ["status"] = "member", ["user"] = FakeBotApi.User(FakeBotApi.BotId, "b") },
                },
            },
            2 => Updates.Edited(chat, chat, Text()),
            3 => Updates.Photo(chat, chat),
            4 => new JsonObject { ["channel_post"] = Updates.Text(-chat, chat, Text())["message"]!.DeepClone() },
            5 => new JsonObject { ["future_update_kind"] = new JsonObject { ["chat"] = new JsonObject { ["id"] = chat } } },
            _ => Updates.Text(chat, chat, Text()),
        };
    }

    private void Mutate(JsonObject update)
    {
        var objects = Objects(update).ToList();
        var target = objects[_random.Next(objects.Count)];
        var keys = target.Select(p => p.Key).ToList();
        var key = keys.Count == 0 ? "empty" : keys[_random.Next(keys.Count)];
        switch (Pick(9))
        {
            case 0:
                FutureValue(update);
                break;
            case 1:
                target[$"future_{Pick(100)}"] = Strangers[_random.Next(Strangers.Length)]?.DeepClone();
                break;
            case 2:
                target.Remove(key);
                break;
            case 3:
                target[key] = null;
                break;
            case 4:
                target[key] = Strangers[_random.Next(Strangers.Length)]?.DeepClone();
                break;
            case 5 when update["message"] is JsonObject message:
                message["date"] = Pick(2) == 0 ? 99999999999999 : -5;
                break;
            case 6:
                update["update_id"] = Strangers[_random.Next(Strangers.Length)]?.DeepClone();
                break;
            default:
                // Cut short: the last properties are gone, as if the object ended early.
                foreach (var gone in keys.Skip(_random.Next(keys.Count + 1)))
                {
                    target.Remove(gone);
                }

                break;
        }
    }

    /// <summary>A value a newer Bot API may send where the library knows a fixed set, or a part it reads by its kind.</summary>
    private void FutureValue(JsonObject update)
    {
        var word = FutureWords[_random.Next(FutureWords.Length)];
        if (update["message"] is JsonObject message)
        {
            switch (Pick(6))
            {
                case 0:
                    message["entities"] = new JsonArray(new JsonObject { ["type"] = word, ["offset"] = 0, ["length"] = 2 });
                    break;
                case 1 when message["chat"] is JsonObject chat:
                    chat["type"] = word;
                    break;
                case 2:
                    message["sticker"] = new JsonObject();
                    break;
                case 3:
                    message["poll"] = new JsonObject { ["id"] = "1" };
                    break;
                case 4:
                    message["forward_origin"] = new JsonObject { ["type"] = word, ["date"] = 1 };
                    break;
                default:
                    message["reply_markup"] = new JsonObject { ["inline_keyboard"] = new JsonArray(new JsonArray(new JsonObject { ["text"] = "x", [word] = 1 })) };
                    break;
            }
        }
        else if (update["my_chat_member"]?["new_chat_member"] is JsonObject member)
        {
            member["status"] = word;
        }
        else
        {
            update[$"future_{word}"] = new JsonObject { ["type"] = word };
        }
    }

    private JsonObject Oversized(long updateId, string? text = null)
    {
        var chat = 1 + _random.NextInt64(NoiseChats - 1);
        var update = Updates.Text(chat, chat, text ?? new string('x', oversizedBytes + Pick(oversizedBytes)));
        update["update_id"] = updateId;
        return update;
    }

    /// <summary>
    /// An oversized update's bytes, written without System.Text.Json: its writer's buffers come from the runtime's
    /// shared array pool, which keeps megabyte arrays, and the memory check would measure the generator.
    /// </summary>
    private byte[] OversizedBody(long updateId)
    {
        var small = Oversized(updateId, "@text@").ToJsonString();
        return Encoding.UTF8.GetBytes(small.Replace("@text@", new string('x', oversizedBytes + Pick(oversizedBytes)), StringComparison.Ordinal));
    }

    private byte[] Cut(byte[] json) => json[..Math.Max(0, json.Length - 1 - Pick(Math.Max(1, json.Length - 1)))];

    private byte[] Garbage()
    {
        var bytes = new byte[Pick(300)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string Text()
    {
        var text = Texts[_random.Next(Texts.Length)];
        return Pick(50) == 0 ? string.Concat(Enumerable.Repeat(text + " ", 1000)) : text;
    }

    private int Pick(int below) => _random.Next(below);

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var child in obj.Select(p => p.Value).ToList().SelectMany(Objects))
                {
                    yield return child;
                }

                break;
            case JsonArray array:
                foreach (var child in array.ToList().SelectMany(Objects))
                {
                    yield return child;
                }

                break;
        }
    }
}
