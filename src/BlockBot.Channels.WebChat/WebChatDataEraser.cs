using BlockBot.Conversation.Abstractions;

namespace BlockBot.Channels.WebChat;

/// <summary>
/// Erases a web chat customer's stored activities: their conversation is their customer id, so a reload after
/// <c>/forget</c> shows nothing said before it.
/// </summary>
public sealed class WebChatDataEraser(IWebChatStore store) : IChannelDataEraser
{
    public Task EraseAsync(CustomerId customer, CancellationToken cancellationToken) =>
        customer.ChannelId == WebChatAdapter.Channel ? store.EraseActivitiesAsync(customer.UserId, cancellationToken) : Task.CompletedTask;
}
