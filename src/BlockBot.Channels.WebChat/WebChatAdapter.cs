using BlockBot.Channels.WebChat.Inbound;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Proactive;
using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Channels.WebChat;

/// <summary>
/// The web chat as a Bot Framework channel. A turn sends nothing: the customer's message (echoed, as Direct Line
/// does) and every reply are <see cref="WebChatActivityQueued"/> records of the turn's unit of work, stored with its
/// state; once the turn is saved the conversation's open streams are woken. A reply to a closed page waits in the
/// store for the page's return.
/// </summary>
public sealed class WebChatAdapter : ProactiveAdapter
{
    public const string Channel = Microsoft.Bot.Connector.Channels.Webchat;

    private readonly IBot _bot;
    private readonly IWebChatStore _store;
    private readonly WebChatSignals _signals;
    private readonly TimeProvider _time;

    public WebChatAdapter(IBot bot, BotPipeline pipeline, IWebChatStore store, WebChatSignals signals, TimeProvider time)
    {
        _bot = bot;
        _store = store;
        _signals = signals;
        _time = time;
        pipeline.ApplyTo(this);
    }

    public override string ChannelId => Channel;

    /// <summary>
    /// A customer's message: its echo and the turn's replies are stored with the turn. If the turn fails, the message
    /// and what was said (the apology) are stored on their own, so the page shows the customer an answer.
    /// </summary>
    public async Task ProcessActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var output = new WebChatTurnOutput(activity.Conversation.Id);
        output.Add(WebChatJson.Serialize(activity));
        await RunAsync(activity, output, _bot.OnTurnAsync, cancellationToken);
        if (!output.IsSaved)
        {
            await _store.AppendAsync(output.ConversationId, output.Items, cancellationToken);
            _signals.Signal(output.ConversationId);
        }
    }

    /// <summary>The conversation has begun: the greeting turn.</summary>
    public Task StartConversationAsync(Activity conversationUpdate, CancellationToken cancellationToken) =>
        RunAsync(conversationUpdate, new WebChatTurnOutput(conversationUpdate.Conversation.Id), _bot.OnTurnAsync, cancellationToken);

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var output = turnContext.TurnState.Get<WebChatTurnOutput>()
            ?? throw new InvalidOperationException("A web chat turn runs with a WebChatTurnOutput.");
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            activity.Id = Guid.NewGuid().ToString("N");
            activity.ChannelId = Channel;
            activity.From = WebChatActivityMapper.Bot;
            activity.Recipient = WebChatActivityMapper.Customer(output.ConversationId);
            activity.Conversation = new ConversationAccount(isGroup: false, id: output.ConversationId);
            activity.Timestamp = _time.GetUtcNow();
            activity.ServiceUrl = null;
            activity.SuggestedActions = AsWebChatButtons(activity.SuggestedActions);
            var json = WebChatJson.Serialize(activity);
            output.Add(json);
            turnContext.UnitOfWork().Add(new WebChatActivityQueued(output.ConversationId, json));
            responses.Add(new ResourceResponse(activity.Id));
        }

        return Task.FromResult(responses.ToArray());
    }

    /// <summary>
    /// A choice button as Web Chat's messageBack: it sends the choice's value as before, but the customer's own bubble
    /// shows the button's title (an imBack would show "unblocked", even in a Russian chat).
    /// </summary>
    private static SuggestedActions? AsWebChatButtons(SuggestedActions? suggested)
    {
        if (suggested?.Actions is not { Count: > 0 } actions)
        {
            return suggested;
        }

        suggested.Actions = [.. actions.Select(a => a.Type == ActionTypes.ImBack && a.Value is not null && !string.IsNullOrEmpty(a.Title)
            ? new CardAction(ActionTypes.MessageBack, a.Title, text: a.Value.ToString(), displayText: a.Title)
            : a)];
        return suggested;
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The dialogs do not edit sent messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The dialogs do not delete sent messages.");

    // A proactive turn (a reminder, a staff decision or reply): a failed one saved nothing and is delivered again.
    protected override Task RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunAsync(activity, new WebChatTurnOutput(activity.Conversation.Id), callback, cancellationToken);

    private async Task RunAsync(Activity activity, WebChatTurnOutput output, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using (var context = new TurnContext(this, activity))
        {
            context.TurnState.Add(output);
            var work = context.UnitOfWork();
            foreach (var said in output.Items)
            {
                work.Add(new WebChatActivityQueued(output.ConversationId, said));
            }

            work.OnCommitted(output.Saved);
            await RunPipelineAsync(context, callback, cancellationToken);
        }

        if (output.IsSaved)
        {
            _signals.Signal(output.ConversationId);
        }
    }
}
