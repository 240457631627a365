using BlockBot.Conversation.Abstractions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Conversation.Proactive;

/// <summary>
/// The base of every channel adapter that runs proactive turns (scheduled events, a person's decisions). Bot Builder's own
/// <see cref="BotAdapter.ContinueConversationAsync(string, ConversationReference, BotCallbackHandler, CancellationToken)"/>
/// disposes the turn context before the pipeline has finished (research/libs.md C2); here the turn runs through
/// <see cref="RunTurnAsync"/>, which awaits the pipeline inside the context's lifetime. A channel that keeps its own
/// bookkeeping around a turn overrides <see cref="RunTurnAsync"/>.
/// </summary>
public abstract class ProactiveAdapter : BotAdapter, IProactiveAdapter
{
    public abstract string ChannelId { get; }

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunTurnAsync(reference.GetContinuationActivity(), callback, cancellationToken);

    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueConversationAsync(reference.Bot?.Id ?? string.Empty, reference, callback, cancellationToken);

    /// <summary>Runs <paramref name="activity"/> through the pipeline and <paramref name="callback"/>; the context is disposed after both.</summary>
    protected virtual async Task RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
    }
}
