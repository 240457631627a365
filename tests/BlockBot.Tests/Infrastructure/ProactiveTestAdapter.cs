using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;

namespace BlockBot.Tests.Infrastructure;

/// <summary>Bot Builder's TestAdapter with the product's pipeline, able to run proactive turns (reminders, staff events).</summary>
public sealed class ProactiveTestAdapter : TestAdapter, IProactiveAdapter
{
    public ProactiveTestAdapter(BotPipeline pipeline, string userId = "customer-1", string? locale = null)
        : base(CreateReference(userId, locale))
    {
        pipeline.ApplyTo(this);
        Locale = locale ?? "ru";
    }

    public string ChannelId => Microsoft.Bot.Connector.Channels.Test;

    public override async Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        await RunPipelineAsync(context, callback, cancellationToken);
    }

    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueConversationAsync(reference.Bot.Id, reference, callback, cancellationToken);

    private static ConversationReference CreateReference(string userId, string? locale) => new()
    {
        ChannelId = Microsoft.Bot.Connector.Channels.Test,
        ServiceUrl = "https://test.invalid",
        User = new ChannelAccount(userId, userId),
        Bot = new ChannelAccount("bot", "BlockBot"),
        Conversation = new ConversationAccount(false, "personal", "conversation-" + userId),
        Locale = locale,
    };
}
