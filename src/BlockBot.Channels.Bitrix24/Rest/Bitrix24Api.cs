using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>
/// The Chatbots 2.0 and open-lines methods the channel uses, with the bot's identity added: <c>botId</c>, and over
/// an incoming webhook <c>botToken</c> (the session methods take it as <c>CLIENT_ID</c>).
/// </summary>
public sealed class Bitrix24Api(Bitrix24RestClient rest, IOptions<Bitrix24Options> options)
{
    private readonly Bitrix24Options _options = options.Value;

    public async Task<Bitrix24RegisteredBot> RegisterBotAsync(CancellationToken cancellationToken)
    {
        var fields = new JsonObject
        {
            ["code"] = _options.BotCode,
            ["type"] = "openline",
            ["isSupportOpenline"] = true,
            ["eventMode"] = EventModeText,
            ["properties"] = new JsonObject { ["name"] = _options.BotName, ["workPosition"] = "Support bot" },
        };
        AddWebhookUrl(fields);
        if (_options.UsesWebhookAuth)
        {
            fields["botToken"] = _options.BotToken;
        }

        var result = await rest.CallAsync("imbot.v2.Bot.register", new JsonObject { ["fields"] = fields }, cancellationToken);
        var id = JsonRead.Number(result?["bot"]?["id"]) ?? throw new Bitrix24Exception("imbot.v2.Bot.register", 200, "NO_BOT_ID", "the answer carries no result.bot.id");
        return new Bitrix24RegisteredBot(id, JsonRead.Text(result?["bot"]?["eventMode"]));
    }

    /// <summary>Registering an existing code returns the bot unchanged; this switches its event mode or URL.</summary>
    public Task UpdateEventModeAsync(long botId, CancellationToken cancellationToken)
    {
        var fields = new JsonObject { ["eventMode"] = EventModeText };
        AddWebhookUrl(fields);
        return rest.CallAsync("imbot.v2.Bot.update", Bot(botId, new JsonObject { ["fields"] = fields }), cancellationToken);
    }

    public Task RegisterHiddenCommandAsync(long botId, string command, CancellationToken cancellationToken) =>
        rest.CallAsync(
            "imbot.v2.Command.register",
            Bot(botId, new JsonObject { ["fields"] = new JsonObject { ["command"] = command, ["hidden"] = true } }),
            cancellationToken);

    public async Task<Bitrix24Events> GetEventsAsync(long botId, long? offset, CancellationToken cancellationToken)
    {
        var parameters = Bot(botId, new JsonObject { ["limit"] = _options.FetchLimit });
        if (offset is { } confirmed)
        {
            parameters["offset"] = confirmed;
        }

        var result = await rest.CallAsync("imbot.v2.Event.get", parameters, cancellationToken);
        var events = (result?["events"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        return new Bitrix24Events(events, JsonRead.Number(result?["nextOffset"]), JsonRead.Flag(result?["hasMore"]));
    }

    /// <returns>The new message's id.</returns>
    public async Task<long?> SendAsync(long botId, string dialogId, string message, JsonObject? keyboard, CancellationToken cancellationToken)
    {
        var result = await rest.CallAsync("imbot.v2.Chat.Message.send", SendParameters(botId, dialogId, message, keyboard), cancellationToken);
        return JsonRead.Number(result?["id"]);
    }

    /// <summary>Several messages to one dialog in order, in as few requests as the batch limit allows.</summary>
    /// <returns>The id of each message.</returns>
    public async Task<IReadOnlyList<long?>> SendManyAsync(long botId, string dialogId, IReadOnlyList<(string Message, JsonObject? Keyboard)> messages, CancellationToken cancellationToken)
    {
        if (messages.Count == 1)
        {
            return [await SendAsync(botId, dialogId, messages[0].Message, messages[0].Keyboard, cancellationToken)];
        }

        var ids = new List<long?>();
        foreach (var chunk in messages.Chunk(Bitrix24RestClient.MaxBatch))
        {
            var calls = chunk.Select((m, i) => ($"m{i}", "imbot.v2.Chat.Message.send", SendParameters(botId, dialogId, m.Message, m.Keyboard))).ToList();
            var results = await rest.BatchAsync(calls, cancellationToken);
            ids.AddRange(calls.Select(c => JsonRead.Number(results.GetValueOrDefault(c.Item1)?["id"])));
        }

        return ids;
    }

    /// <param name="keyboard">The new keyboard, or null to remove it.</param>
    public Task UpdateAsync(long botId, long messageId, string message, JsonObject? keyboard, CancellationToken cancellationToken)
    {
        var fields = new JsonObject { ["message"] = message, ["keyboard"] = keyboard is null ? "N" : keyboard.DeepClone() };
        return rest.CallAsync("imbot.v2.Chat.Message.update", Bot(botId, new JsonObject { ["messageId"] = messageId, ["fields"] = fields }), cancellationToken);
    }

    /// <summary>Ends the bot's part of the session: the chat goes to the line's operators, or to the configured queue.</summary>
    public Task TransferToOperatorsAsync(long chatId, CancellationToken cancellationToken)
    {
        if (_options.OperatorQueueId is { } queue)
        {
            var parameters = new JsonObject { ["CHAT_ID"] = chatId, ["QUEUE_ID"] = queue, ["LEAVE"] = "Y" };
            if (_options.UsesWebhookAuth)
            {
                parameters["CLIENT_ID"] = _options.BotToken;
            }

            return rest.CallAsync("imopenlines.bot.session.transfer", parameters, cancellationToken);
        }

        return rest.CallAsync("imopenlines.bot.session.operator", new JsonObject { ["CHAT_ID"] = chatId }, cancellationToken);
    }

    private string EventModeText => _options.EventMode == Bitrix24EventMode.Webhook ? "webhook" : "fetch";

    private void AddWebhookUrl(JsonObject fields)
    {
        if (_options.EventMode == Bitrix24EventMode.Webhook)
        {
            fields["webhookUrl"] = _options.PublicEventUrl;
        }
    }

    private JsonObject SendParameters(long botId, string dialogId, string message, JsonObject? keyboard)
    {
        var fields = new JsonObject { ["message"] = message };
        if (keyboard is not null)
        {
            fields["keyboard"] = keyboard.DeepClone();
        }

        return Bot(botId, new JsonObject { ["dialogId"] = dialogId, ["fields"] = fields });
    }

    private JsonObject Bot(long botId, JsonObject parameters)
    {
        parameters["botId"] = botId;
        if (_options.UsesWebhookAuth)
        {
            parameters["botToken"] = _options.BotToken;
        }

        return parameters;
    }
}
