using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// A channel that has live operators of its own (a Bitrix24 open line) and can hand the customer's chat to
/// them. The <c>handoff</c> action asks the customer's channel first.
/// </summary>
public interface IOperatorTransfer
{
    /// <summary>The channel whose customers this transfers, e.g. "bitrix24".</summary>
    string ChannelId { get; }

    /// <summary>Hands the conversation of this turn to the channel's operators; the channel may do it once the turn's replies are out.</summary>
    Task TransferAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
