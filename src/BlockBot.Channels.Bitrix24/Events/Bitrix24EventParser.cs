using System.Text.Json.Nodes;
using BlockBot.Channels.Bitrix24.Rest;

namespace BlockBot.Channels.Bitrix24.Events;

/// <summary>Reads an event's <c>data</c> (fetch: typed JSON; webhook: PHP-style form, all strings) into a <see cref="Bitrix24Event"/>.</summary>
public static class Bitrix24EventParser
{
    /// <exception cref="FormatException">The event lacks what its type needs (a dialog, a user).</exception>
    public static Bitrix24Event Parse(string type, JsonObject data, string? eventId)
    {
        if (HasControl(type))
        {
            throw new FormatException("The event type has control characters.");
        }

        var kind = type.ToUpperInvariant() switch
        {
            "ONIMBOTV2MESSAGEADD" => Bitrix24EventKind.Message,
            "ONIMBOTV2JOINCHAT" => Bitrix24EventKind.Join,
            "ONIMBOTV2COMMANDADD" => Bitrix24EventKind.Command,
            "ONIMBOTV2DELETE" => Bitrix24EventKind.BotDeleted,
            _ => Bitrix24EventKind.Other,
        };
        if (kind is Bitrix24EventKind.Other or Bitrix24EventKind.BotDeleted)
        {
            return new Bitrix24Event
            {
                Kind = kind,
                Type = type,
                Key = eventId is null ? $"{type}:{Guid.NewGuid():N}" : "event:" + eventId,
                DialogId = string.Empty,
                UserId = string.Empty,
                Text = string.Empty,
                Language = JsonRead.Text(data["language"]),
            };
        }

        var chat = data["chat"] as JsonObject ?? throw new FormatException($"{type} has no chat.");
        var user = data["user"] as JsonObject ?? throw new FormatException($"{type} has no user.");
        var message = data["message"] as JsonObject;
        var command = data["command"] as JsonObject;
        var dialogId = JsonRead.Text(data["dialogId"]) is { Length: > 0 } topDialog ? topDialog : JsonRead.Text(chat["dialogId"]);
        if (string.IsNullOrEmpty(dialogId))
        {
            throw new FormatException($"{type} names no dialog.");
        }

        var entityType = JsonRead.Text(chat["entityType"]);
        var isOpenLine = string.Equals(entityType, "LINES", StringComparison.OrdinalIgnoreCase);
        var userId = JsonRead.Text(user["id"]);
        if (kind == Bitrix24EventKind.Join && isOpenLine && CustomerFromEntity(JsonRead.Text(chat["entityId"])) is { } customer)
        {
            userId = customer;
        }

        if (string.IsNullOrEmpty(userId))
        {
            throw new FormatException($"{type} names no user.");
        }

        // Ids go into logs, keys and state; one with a line break or an escape is forged, not a portal's.
        if (HasControl(dialogId) || HasControl(userId) || HasControl(eventId))
        {
            throw new FormatException($"{type} names a dialog or user with control characters.");
        }

        var messageId = JsonRead.Number(message?["id"]);
        var key = eventId is not null
            ? "event:" + eventId
            : kind switch
            {
                Bitrix24EventKind.Message => $"message:{messageId}",
                Bitrix24EventKind.Command => $"command:{messageId}:{JsonRead.Text(command?["command"])}:{JsonRead.Text(command?["params"])}",
                _ => $"join:{dialogId}:{JsonRead.Text(data["ts"]) ?? Guid.NewGuid().ToString("N")}",
            };
        if (kind != Bitrix24EventKind.Join && messageId is null && eventId is null)
        {
            throw new FormatException($"{type} has no message id.");
        }

        return new Bitrix24Event
        {
            Kind = kind,
            Type = type,
            Key = key,
            DialogId = dialogId,
            ChatId = JsonRead.Number(chat["id"]) ?? JsonRead.Number(message?["chatId"]),
            UserId = userId,
            UserName = JsonRead.Text(user["name"]),
            IsOpenLine = isOpenLine,
            IsConnectorUser = JsonRead.Flag(user["connector"]),
            IsBotUser = JsonRead.Flag(user["bot"]),
            IsSystem = JsonRead.Flag(message?["isSystem"]),
            MessageId = messageId,
            Text = JsonRead.Text(message?["text"]) ?? string.Empty,
            Language = JsonRead.Text(data["language"]),
            Command = JsonRead.Text(command?["command"])?.TrimStart('/'),
            CommandParams = JsonRead.Text(command?["params"]),
            CommandContext = JsonRead.Text(command?["context"]),
        };
    }

    private static bool HasControl(string? text) => text is not null && text.Any(char.IsControl);

    /// <summary>An open-line chat's entity id is <c>connector|line|connectorChat|customerUserId</c>.</summary>
    private static string? CustomerFromEntity(string? entityId)
    {
        var parts = entityId?.Split('|');
        return parts is { Length: >= 4 } && long.TryParse(parts[3], out _) ? parts[3] : null;
    }
}
