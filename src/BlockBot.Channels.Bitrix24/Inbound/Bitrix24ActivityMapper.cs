using System.Globalization;
using BlockBot.Channels.Bitrix24.Events;
using Microsoft.Bot.Schema;

namespace BlockBot.Channels.Bitrix24.Inbound;

/// <summary>
/// A customer's event in an open-line chat as the activity the engine turns on: the conversation is the open-line
/// chat (<c>chatN</c>), the user is the customer's portal user. A message or keyboard press is a message activity
/// (a press carries the choice's value as its text); the bot joining the chat is a conversation update, which greets.
/// </summary>
public static class Bitrix24ActivityMapper
{
    private const string ServiceUrl = "bitrix24://portal";

    /// <summary>A customer's message, or a press whose choice value is <paramref name="text"/>.</summary>
    public static Activity ToActivity(Bitrix24Event inbound, string text, ChannelAccount bot)
    {
        var activity = New(inbound, ActivityTypes.Message, bot);
        activity.Text = text;
        return activity;
    }

    /// <summary>The bot joining the customer's chat: the customer is the member added.</summary>
    public static Activity ToJoinActivity(Bitrix24Event inbound, ChannelAccount bot)
    {
        var activity = New(inbound, ActivityTypes.ConversationUpdate, bot);
        activity.MembersAdded = [activity.From];
        return activity;
    }

    private static Activity New(Bitrix24Event inbound, string type, ChannelAccount bot) => new()
    {
        Type = type,
        Id = inbound.MessageId?.ToString(CultureInfo.InvariantCulture) ?? Guid.NewGuid().ToString("N"),
        ChannelId = Bitrix24Adapter.Channel,
        From = new ChannelAccount(inbound.UserId, inbound.UserName),
        Recipient = bot,
        Conversation = new ConversationAccount(isGroup: false, id: inbound.DialogId),
        Locale = inbound.Language,
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = ServiceUrl,
        ChannelData = inbound,
    };
}
