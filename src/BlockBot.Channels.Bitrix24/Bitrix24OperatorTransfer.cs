using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;

namespace BlockBot.Channels.Bitrix24;

/// <summary>
/// Marks the turn for a transfer; <see cref="Bitrix24Adapter"/> performs it after the turn, so the customer gets the
/// bot's last words before the chat leaves the bot.
/// </summary>
public sealed class Bitrix24OperatorTransfer : IOperatorTransfer
{
    public string ChannelId => Bitrix24Adapter.Channel;

    public Task TransferAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turnContext.TurnState[Bitrix24Adapter.TransferRequested] = true;
        return Task.CompletedTask;
    }
}
