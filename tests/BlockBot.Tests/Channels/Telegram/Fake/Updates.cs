using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.Telegram.Fake;

/// <summary>Bot API update payloads as Telegram sends them (snake_case JSON), without the update_id the fake assigns.</summary>
public static class Updates
{
    private static int _messageId = 100_000;

    public static JsonObject Text(long chatId, long userId, string text, string language = "ru") => new()
    {
        ["message"] = Message(chatId, userId, language, "Customer", new JsonObject { ["text"] = text }),
    };

    public static JsonObject Photo(long chatId, long userId) => new()
    {
        ["message"] = Message(chatId, userId, "ru", "Customer", new JsonObject
        {
            ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "p1", ["file_unique_id"] = "u1", ["width"] = 10, ["height"] = 10 }),
        }),
    };

    public static JsonObject Edited(long chatId, long userId, string text) => new()
    {
        ["edited_message"] = Message(chatId, userId, "ru", "Customer", new JsonObject { ["text"] = text, ["edit_date"] = 1 }),
    };

    /// <summary>A press on a button of <paramref name="message"/> (a message the bot sent) by <paramref name="userId"/>.</summary>
    public static JsonObject Press(SentMessage message, long userId, string data, string name = "Customer") => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = $"cq{Interlocked.Increment(ref _messageId)}",
            ["from"] = FakeBotApi.User(userId, name, "ru"),
            ["message"] = new JsonObject
            {
                ["message_id"] = message.MessageId,
                ["date"] = 1,
                ["chat"] = Chat(message.ChatId),
                ["from"] = FakeBotApi.User(FakeBotApi.BotId, "BlockBot"),
                ["text"] = message.Text,
            },
            ["chat_instance"] = "ci",
            ["data"] = data,
        },
    };

    /// <summary>A group member's reply to a message the bot sent in the group.</summary>
    public static JsonObject Reply(SentMessage to, long userId, string name, string text) => new()
    {
        ["message"] = Message(to.ChatId, userId, "en", name, new JsonObject
        {
            ["text"] = text,
            ["reply_to_message"] = new JsonObject
            {
                ["message_id"] = to.MessageId,
                ["date"] = 1,
                ["chat"] = Chat(to.ChatId),
                ["from"] = FakeBotApi.User(FakeBotApi.BotId, "BlockBot"),
                ["text"] = to.Text,
            },
        }),
    };

    private static JsonObject Message(long chatId, long userId, string language, string name, JsonObject content)
    {
        content["message_id"] = Interlocked.Increment(ref _messageId);
        content["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        content["chat"] = Chat(chatId);
        content["from"] = FakeBotApi.User(userId, name, language);
        return content;
    }

    private static JsonObject Chat(long chatId) => chatId < 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "supergroup", ["title"] = "Staff" }
        : new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Customer" };
}
