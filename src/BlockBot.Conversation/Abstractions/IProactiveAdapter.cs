using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A channel adapter that can run a proactive turn. Implementations must await the pipeline inside the
/// turn context's lifetime (Bot Builder's base ContinueConversationAsync disposes it too early).
/// </summary>
public interface IProactiveAdapter
{
    /// <summary>The Bot Framework channel id this adapter serves, e.g. "console", "telegram".</summary>
    string ChannelId { get; }

    Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken);
}
