using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace BlockBot.Channels.WebChat.Inbound;

/// <summary>
/// What a Web Chat page posts, as the activity the engine turns on. Only what the bot reads is taken from the
/// client (type, text, a pressed button's value, locale, Web Chat's own client id for its echo); the conversation,
/// the customer and the ids are the server's, so a page cannot speak as another customer. The customer of a web
/// conversation is the conversation itself: one visitor, one conversation.
/// </summary>
public static partial class WebChatActivityMapper
{
    public const string ServiceUrl = "webchat://blockbot";

    public static ChannelAccount Bot { get; } = new("blockbot", "BlockBot", RoleTypes.Bot);

    public static ChannelAccount Customer(string conversationId) => new(conversationId, role: RoleTypes.User);

    /// <summary>A posted activity, or null when it is nothing the bot reads (typing, an event).</summary>
    public static Activity? ToActivity(JObject posted, string conversationId, DateTimeOffset now)
    {
        if (!string.Equals(Text(posted["type"]), ActivityTypes.Message, StringComparison.Ordinal))
        {
            return null;
        }

        var activity = New(conversationId, ActivityTypes.Message, Locale(posted["locale"]), now);
        // A button Web Chat sends as imBack arrives as text; a postBack or messageBack carries the choice as its value.
        activity.Text = Text(posted["text"]) ?? Text(posted["value"]) ?? string.Empty;
        activity.TextFormat = TextFormatTypes.Plain;
        if (posted["channelData"] is JObject channelData)
        {
            activity.ChannelData = EchoedChannelData(channelData);
        }

        return activity;
    }

    /// <summary>
    /// What Web Chat needs back in the echo: its client id (it marks the message sent when the echo carries it) and a
    /// pressed button's title (it shows that instead of the value sent).
    /// </summary>
    private static JObject? EchoedChannelData(JObject channelData)
    {
        var echoed = new JObject();
        if (Text(channelData["clientActivityID"]) is { Length: <= 100 } clientId)
        {
            echoed["clientActivityID"] = clientId;
        }

        if (channelData["messageBack"] is JObject messageBack && Text(messageBack["displayText"]) is { Length: <= 500 } displayText)
        {
            echoed["messageBack"] = new JObject { ["displayText"] = displayText };
        }

        return echoed.Count > 0 ? echoed : null;
    }

    /// <summary>The conversation has begun: the customer joins, and the bot greets in <paramref name="locale"/>.</summary>
    public static Activity ToConversationStart(string conversationId, string? locale, DateTimeOffset now)
    {
        var activity = New(conversationId, ActivityTypes.ConversationUpdate, Locale(locale), now);
        activity.MembersAdded = [activity.From];
        return activity;
    }

    public static string? Locale(JToken? token) => Locale(Text(token));

    private static string? Locale(string? locale) => locale is not null && LocalePattern().IsMatch(locale) ? locale : null;

    private static Activity New(string conversationId, string type, string? locale, DateTimeOffset now) => new()
    {
        Type = type,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = WebChatAdapter.Channel,
        From = Customer(conversationId),
        Recipient = Bot,
        Conversation = new ConversationAccount(isGroup: false, id: conversationId),
        Locale = locale,
        Timestamp = now,
        ServiceUrl = ServiceUrl,
    };

    private static string? Text(JToken? token) => token?.Type == JTokenType.String ? (string?)token : null;

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$")]
    private static partial Regex LocalePattern();
}
