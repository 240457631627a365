using Microsoft.Bot.Schema;

namespace BlockBot.Channels.Console.Inbound;

/// <summary>A typed line as the message activity the engine turns on, in the console user's one conversation.</summary>
public static class ConsoleActivityMapper
{
    public static Activity ToActivity(string line, ChannelAccount user, ChannelAccount bot, ConversationAccount conversation) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = ConsoleAdapter.Channel,
        Text = line,
        From = user,
        Recipient = bot,
        Conversation = conversation,
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = "console://local",
    };
}
