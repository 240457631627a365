using System.Globalization;
using Microsoft.Bot.Schema;
using Telegram.Bot.Types;

namespace BlockBot.Channels.Telegram.Inbound;

/// <summary>
/// A customer's update in a private chat as the message activity the engine turns on: the conversation is the chat,
/// the user is the Telegram user. A button press carries the button's data as its text.
/// </summary>
public static class TelegramActivityMapper
{
    /// <summary>
    /// A customer's message. Photos, stickers, voice and documents carry no text (the engine asks for text); an
    /// attachment named for the kind ("photo") says what arrived, for the transcript.
    /// </summary>
    public static Activity ToActivity(Message message, ChannelAccount bot, string serviceUrl)
    {
        var activity = Customer(message.Chat, message.From, message.Text, message.Id.ToString(CultureInfo.InvariantCulture), bot, serviceUrl);
        activity.Timestamp = new DateTimeOffset(message.Date, TimeSpan.Zero);
        if (message.Text is null)
        {
            activity.Attachments = [new Attachment { Name = message.Type.ToString().ToLowerInvariant() }];
        }

        return activity;
    }

    /// <summary>A customer's press of a keyboard button in <paramref name="chat"/>.</summary>
    public static Activity ToActivity(CallbackQuery press, Chat chat, ChannelAccount bot, string serviceUrl) =>
        Customer(chat, press.From, press.Data, "cb-" + press.Id, bot, serviceUrl);

    private static Activity Customer(Chat chat, User? from, string? text, string id, ChannelAccount bot, string serviceUrl)
    {
        var userId = (from?.Id ?? chat.Id).ToString(CultureInfo.InvariantCulture);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = id,
            ChannelId = TelegramAdapter.Channel,
            Text = text,
            Locale = from?.LanguageCode,
            From = new ChannelAccount(userId, from?.FirstName),
            Recipient = bot,
            Conversation = new ConversationAccount(isGroup: false, id: chat.Id.ToString(CultureInfo.InvariantCulture)),
            ServiceUrl = serviceUrl,
            Timestamp = DateTimeOffset.UtcNow,
        };
    }
}
