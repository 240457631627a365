using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BlockBot.Tests.Channels.Bitrix24.Fake;

namespace BlockBot.Tests.Channels.Bitrix24.Fuzz;

/// <summary>
/// Hostile and broken event bodies from one seed, the same list every run: bytes of no format, truncated and mangled
/// forms, oversized ones, wrong content types, forged tokens aimed at real customers' chats, and well-formed events
/// carrying the right token but shapes the bot does not know (new event types, unknown fields, odd values). Events with
/// the right token only ever name chats and message ids of their own, so they cannot touch a real customer's turn.
/// </summary>
public sealed class Bitrix24NoiseGenerator(int seed, long botId, string applicationToken, IReadOnlyList<long> customerChats)
{
    private const string Form = "application/x-www-form-urlencoded";
    /// <summary>The first of the 200 chats the noise's own events name.</summary>
    public const long NoiseChats = 700_000;

    private static readonly string[] ContentTypes =
    [
        "multipart/form-data; boundary=zzz", "multipart/form-data", "application/json", "text/plain", "application/xml",
        Form + "; charset=no-such-charset", Form + "; charset=utf-16", "application/octet-stream", "form", ";;;",
    ];

    private static readonly string[] EventTypes =
    [
        FakeEvents.MessageAdd, FakeEvents.CommandAdd, FakeEvents.JoinChat, "ONIMBOTV2MESSAGEUPDATE", "ONIMBOTV2MESSAGEDELETE",
        "ONIMBOTV3MESSAGEADD", "ONIMBOTV2REACTIONCHANGE", "ONIMBOTV2CONTEXTGET", "onimbotv2messageadd", "ONIMBOTV2DELETE_FUTURE",
    ];

    private static readonly string[] OddTexts =
    [
        string.Empty, " ", "/", "/start@other", "\u001b[2J\u0007\u0000", "line\r\nforged log line", "[send=0]0", "[B]bold[/B]",
        "💥💥💥", new string('я', 5000), "0", "-1", "9999999999999999999999", "%00%zz", "{{Name}}", "<script>x</script>",
    ];

    private readonly Random _random = new(seed);
    private long _noiseMessageId = 2_000_000_000;

    public IReadOnlyList<Bitrix24NoiseBody> Generate(int count) =>
        Enumerable.Range(0, count).Select(Next).ToList();

    private Bitrix24NoiseBody Next(int index) => _random.Next(100) switch
    {
        < 12 => RandomBytes(index),
        < 22 => WrongContentType(index),
        < 36 => Truncated(index),
        < 48 => Mangled(index),
        < 50 => Oversized(index),
        < 66 => Forged(index),
        < 80 => FutureShaped(index),
        < 94 => Broken(index),
        _ => OddValues(index),
    };

    private Bitrix24NoiseBody RandomBytes(int index)
    {
        var bytes = new byte[_random.Next(0, 2048)];
        _random.NextBytes(bytes);
        return new(index, "random bytes", Pick(["POST", "POST", "POST", "PUT", "GET"]), _random.Next(2) == 0 ? Form : null, bytes);
    }

    private Bitrix24NoiseBody WrongContentType(int index)
    {
        var body = _random.Next(3) == 0 ? "x" : FormText(NoiseEvent(), applicationToken);
        return new(index, "wrong content type", "POST", Pick(ContentTypes), Encoding.UTF8.GetBytes(body));
    }

    private Bitrix24NoiseBody Truncated(int index)
    {
        var body = Encoding.UTF8.GetBytes(FormText(NoiseEvent(), applicationToken));
        return new(index, "truncated event", "POST", Form, body[.._random.Next(0, body.Length)]);
    }

    /// <summary>A real event's form with its bytes flipped, dropped, repeated or broken brackets.</summary>
    private Bitrix24NoiseBody Mangled(int index)
    {
        var text = FormText(NoiseEvent(), applicationToken);
        var builder = new StringBuilder(text);
        for (var i = _random.Next(1, 12); i > 0 && builder.Length > 0; i--)
        {
            var at = _random.Next(builder.Length);
            switch (_random.Next(5))
            {
                case 0: builder[at] = (char)_random.Next(0, 0x80); break;
                case 1: builder.Remove(at, Math.Min(_random.Next(1, 20), builder.Length - at)); break;
                case 2: builder.Insert(at, Pick(["%", "%G", "[", "]", "&", "=", "[[", "]]", "%5B", "%00", "&=&"])); break;
                case 3: builder.Insert(at, builder.ToString(at, Math.Min(40, builder.Length - at))); break;
                default: builder.Replace("%5D", "", at, builder.Length - at); break;
            }
        }

        return new(index, "mangled event", "POST", Form, Encoding.UTF8.GetBytes(builder.ToString()));
    }

    private Bitrix24NoiseBody Oversized(int index)
    {
        var size = _random.Next(0, 2) == 0 ? 1024 * 1024 + _random.Next(1, 4096) : _random.Next(1, 3) * 1024 * 1024;
        var body = "data[message][text]=" + new string('a', size);
        return new(index, "oversized", "POST", Form, Encoding.ASCII.GetBytes(body));
    }

    /// <summary>A well-formed customer message in a real customer's chat, with a token that is not the application's.</summary>
    private Bitrix24NoiseBody Forged(int index)
    {
        var chat = customerChats[_random.Next(customerChats.Count)];
        var data = FakeEvents.CustomerMessage(chat, chat + 1, Pick(["/start", "/forget", "/operator", "1", "yes"]));
        data["message"]!["id"] = Interlocked.Increment(ref _noiseMessageId);
        var token = Pick<string?>([null, string.Empty, "wrong", applicationToken.ToUpperInvariant(), applicationToken[..^1], applicationToken + " ", " " + applicationToken, applicationToken + "\0"]);
        return new(index, "forged token", "POST", Form, Encoding.UTF8.GetBytes(FormText(FakeEvents.MessageAdd, data, token)));
    }

    /// <summary>The right token and a shape from a newer portal: new event types, fields nobody reads yet, lists where objects were.</summary>
    private Bitrix24NoiseBody FutureShaped(int index)
    {
        var (type, data) = NoiseEvent();
        type = Pick(EventTypes);
        data["reactions"] = new JsonObject { ["like"] = new JsonArray(1, 2, 3) };
        data["message"] ??= new JsonObject();
        data["message"]!["forward"] = new JsonObject { ["id"] = "x", ["nested"] = new JsonObject { ["deeper"] = new JsonArray("a", null, true) } };
        data["message"]!["params"] = new JsonObject { ["ATTACH"] = new JsonArray(new JsonObject { ["BLOCKS"] = new JsonArray() }), ["FILE_ID"] = new JsonArray(1) };
        data["chat"]!["entityData1"] = "Y|N|future";
        data["user"]!["kind"] = "robot-from-the-future";
        return new(index, "future-shaped event", "POST", Form, Encoding.UTF8.GetBytes(FormText((type, data), applicationToken)));
    }

    /// <summary>The right token and a known type with a part missing, or of the wrong kind.</summary>
    private Bitrix24NoiseBody Broken(int index)
    {
        var (type, data) = NoiseEvent();
        var part = Pick(["chat", "user", "message", "dialogId", "command", "bot"]);
        switch (_random.Next(3))
        {
            case 0: data.Remove(part); break;
            case 1: data[part] = "not an object"; break;
            default: data[part] = new JsonArray(1, "two"); break;
        }

        var pairs = FakeEvents.ToForm(type, data, botId, applicationToken);
        if (_random.Next(4) == 0)
        {
            pairs.RemoveAll(p => p.Key == "event");
        }

        if (_random.Next(6) == 0)
        {
            pairs.AddRange(Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"data[k{i}]", "v")));
        }

        if (_random.Next(6) == 0)
        {
            pairs.Add(new(string.Concat(Enumerable.Repeat("[a]", 300)).Insert(0, "data"), "deep"));
        }

        return new(index, "broken event", "POST", Form, Encoding.UTF8.GetBytes(Encode(pairs)));
    }

    /// <summary>The right token and every field present, with values nobody expects: odd texts, ids, users and languages.</summary>
    private Bitrix24NoiseBody OddValues(int index)
    {
        var (type, data) = NoiseEvent();
        data["message"] ??= new JsonObject { ["id"] = Interlocked.Increment(ref _noiseMessageId) };
        data["message"]!["text"] = Pick(OddTexts);
        data["language"] = Pick(["en", "ru", "xx", string.Empty, "EN-us", "ру"]);
        if (_random.Next(3) == 0)
        {
            data["message"]!["id"] = Pick<JsonNode>(["abc", -1, 0, "1e400", string.Empty]);
        }

        if (_random.Next(3) == 0)
        {
            data["user"]!["id"] = Pick<JsonNode>(["", "abc", -5, 0]);
            data["chat"]!["entityId"] = Pick(["", "|||", "a|b|c|d", "whatsapp|2|c|99999999999999999999"]);
        }

        return new(index, "odd values", "POST", Form, Encoding.UTF8.GetBytes(FormText((type, data), applicationToken)));
    }

    /// <summary>A well-formed event in a chat of the noise's own, with a message id no real customer uses.</summary>
    private (string Type, JsonObject Data) NoiseEvent()
    {
        var chat = NoiseChats + _random.Next(0, 200);
        var customer = chat;
        var id = Interlocked.Increment(ref _noiseMessageId);
        var (type, data) = _random.Next(3) switch
        {
            0 => (FakeEvents.JoinChat, FakeEvents.Join(chat, customer)),
            1 => (FakeEvents.CommandAdd, FakeEvents.KeyboardPress(chat, customer, "choice", Pick(["blocked", "other", "0", "", "99"]))),
            _ => (FakeEvents.MessageAdd, FakeEvents.CustomerMessage(chat, customer, Pick(OddTexts))),
        };
        if (data["message"] is JsonObject message)
        {
            message["id"] = id;
        }
        else
        {
            data["ts"] = id.ToString(CultureInfo.InvariantCulture);
        }

        return (type, data);
    }

    private string FormText((string Type, JsonObject Data) inbound, string? token) => FormText(inbound.Type, inbound.Data, token);

    private string FormText(string type, JsonObject data, string? token) => Encode(FakeEvents.ToForm(type, data, botId, token));

    private static string Encode(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
