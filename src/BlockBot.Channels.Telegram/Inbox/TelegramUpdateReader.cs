using System.Text.Json;
using System.Text.Json.Nodes;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Reads one update as Telegram sent it, as far as it can be understood. The client library reads values it does
/// not know yet (a new entity or chat type) as 0 and skips unknown fields; what it cannot read at all (a new kind of
/// a field it reads by kind, a value of the wrong type) is read again with only the parts the bot acts on, so a
/// customer's text still arrives when something beside it is newer than the library. An update that still cannot
/// be read, or lacks a part the handler needs, is a problem to quarantine, never an exception.
/// </summary>
public static class TelegramUpdateReader
{
    private static readonly string[] MessageParts = ["message_id", "date", "chat", "from", "text"];
    private static readonly string[] PressParts = ["id", "from", "chat_instance", "data"];
    private static readonly string[] MemberParts = ["chat", "from", "date", "old_chat_member", "new_chat_member"];

    public static UpdateReading Read(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return new UpdateReading(null, null, UpdateProblem.Unreadable(e.Message));
        }
    }

    public static UpdateReading Read(JsonElement raw)
    {
        if (raw.ValueKind != JsonValueKind.Object)
        {
            return new UpdateReading(null, null, UpdateProblem.Unreadable($"a JSON {raw.ValueKind}, not an object"));
        }

        var id = IdOf(raw);
        if (id is not > 0)
        {
            return new UpdateReading(id, null, UpdateProblem.Unreadable("no positive update_id"));
        }

        Update update;
        try
        {
            update = Deserialize(raw);
        }
        catch (Exception whole)
        {
            try
            {
                update = Deserialize(Essentials(raw));
            }
            catch (Exception)
            {
                return new UpdateReading(id, null, UpdateProblem.Unreadable($"{whole.GetType().Name}: {whole.Message}"));
            }
        }

        return Missing(update) is { } missing
            ? new UpdateReading(id, null, UpdateProblem.Incomplete(missing))
            : new UpdateReading(id, update, null);
    }

    /// <summary>The update's id when it is a whole number, whatever the rest holds.</summary>
    public static long? IdOf(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object
        && raw.TryGetProperty("update_id", out var id)
        && id.ValueKind == JsonValueKind.Number
        && id.TryGetInt64(out var value)
            ? value
            : null;

    /// <summary>The chat an update belongs to: the unit in which updates are handled in order (0 for kinds without one).</summary>
    public static long ChatOf(Update update) =>
        update.Message?.Chat?.Id
        ?? update.EditedMessage?.Chat?.Id
        ?? update.CallbackQuery?.Message?.Chat?.Id
        ?? update.CallbackQuery?.From?.Id
        ?? update.MyChatMember?.Chat?.Id
        ?? 0;

    private static Update Deserialize(JsonElement json) =>
        json.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("null update");

    private static Update Deserialize(JsonNode json) =>
        json.Deserialize<Update>(JsonBotAPI.Options) ?? throw new JsonException("null update");

    /// <summary>What the handler needs of the kinds it acts on (<see cref="TelegramUpdateHandler"/>); null when it is all there.</summary>
    private static string? Missing(Update update) => update.Type switch
    {
        UpdateType.Message when update.Message!.Chat is null => "a message without its chat",
        UpdateType.CallbackQuery when update.CallbackQuery!.From is null => "a button press without who pressed it",
        UpdateType.CallbackQuery when update.CallbackQuery!.Message is { Chat: null } => "a button press on a message without its chat",
        UpdateType.MyChatMember when update.MyChatMember!.Chat is null || update.MyChatMember.NewChatMember is null =>
            "a membership change without its chat or new member",
        _ => null,
    };

    /// <summary>The update with only the parts the bot acts on; a part that is not an object is kept as it is, to fail as it did.</summary>
    private static JsonObject Essentials(JsonElement raw)
    {
        var reduced = new JsonObject();
        foreach (var property in raw.EnumerateObject())
        {
            var value = property.Value;
            JsonNode? part = property.Name switch
            {
                "update_id" => JsonValue.Create(value),
                "message" or "edited_message" or "channel_post" or "edited_channel_post" => Message(value),
                "callback_query" => Press(value),
                "my_chat_member" => Pick(value, MemberParts),
                _ => null,
            };
            if (part is not null)
            {
                reduced[property.Name] = part;
            }
        }

        return reduced;
    }

    private static JsonNode? Message(JsonElement message)
    {
        var reduced = Pick(message, MessageParts);
        if (reduced is JsonObject target && message.TryGetProperty("reply_to_message", out var repliedTo))
        {
            // Staff answer a customer by replying to the ticket card.
            target["reply_to_message"] = Pick(repliedTo, MessageParts);
        }

        return reduced;
    }

    private static JsonNode? Press(JsonElement press)
    {
        var reduced = Pick(press, PressParts);
        if (reduced is JsonObject target && press.TryGetProperty("message", out var message))
        {
            target["message"] = Pick(message, MessageParts);
        }

        return reduced;
    }

    private static JsonNode? Pick(JsonElement value, string[] parts)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return JsonSerializer.SerializeToNode(value);
        }

        var picked = new JsonObject();
        foreach (var part in parts)
        {
            if (value.TryGetProperty(part, out var found))
            {
                picked[part] = JsonSerializer.SerializeToNode(found);
            }
        }

        return picked;
    }
}
