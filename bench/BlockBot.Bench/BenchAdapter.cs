using System.Threading.Channels;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Proactive;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Bench;

/// <summary>
/// A Bot Framework channel for many simulated customers in one process, with the product's pipeline.
/// Each customer has a conversation of their own; the bot's replies to it, in its turns and in
/// proactive ones (reminders, staff events), go to that customer's queue in the run's <see cref="BenchInboxes"/>.
/// </summary>
public sealed class BenchAdapter : ProactiveAdapter
{
    public const string ChannelName = "bench";

    private readonly IBot _bot;
    private readonly ChannelAccount _botAccount = new("blockbot", "BlockBot");
    private readonly BenchInboxes _inboxes;
    private long _proactiveTurns;
    private long _undeliverable;

    public BenchAdapter(IBot bot, BotPipeline pipeline, BenchInboxes inboxes)
    {
        _bot = bot;
        _inboxes = inboxes;
        pipeline.ApplyTo(this);
    }

    public override string ChannelId => ChannelName;

    /// <summary>Proactive turns run so far (reminders, staff events).</summary>
    public long ProactiveTurns => Interlocked.Read(ref _proactiveTurns);

    /// <summary>Replies to a conversation that no customer was listening to any more.</summary>
    public long Undeliverable => Interlocked.Read(ref _undeliverable);

    /// <summary>Opens the customer's conversation; the bot's replies to it arrive on the returned reader.</summary>
    public ChannelReader<Activity> Open(string userId) => _inboxes.Open(ConversationIdOf(userId));

    public void Close(string userId) => _inboxes.Close(ConversationIdOf(userId));

    /// <summary>Runs the turn of one customer message; returns when the turn is finished.</summary>
    public async Task SendAsync(string userId, string text, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = ChannelName,
            Text = text,
            From = new ChannelAccount(userId, userId),
            Recipient = _botAccount,
            Conversation = new ConversationAccount(isGroup: false, id: ConversationIdOf(userId)),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = "bench://local",
        };

        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, _bot.OnTurnAsync, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            var conversationId = activity.Conversation?.Id ?? turnContext.Activity.Conversation?.Id ?? string.Empty;
            if (activity.Type == ActivityTypes.Message
                && !_inboxes.TryDeliver(conversationId, activity))
            {
                Interlocked.Increment(ref _undeliverable);
            }

            responses[i] = new ResourceResponse(Guid.NewGuid().ToString("N"));
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bench channel does not edit messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bench channel does not delete messages.");

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _proactiveTurns);
        return base.ContinueConversationAsync(botId, reference, callback, cancellationToken);
    }

    private static string ConversationIdOf(string userId) => "bench-" + userId;
}
