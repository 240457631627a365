using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Pipeline;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Bench.Peer;

/// <summary>
/// The thinnest adapter that runs the product's whole turn pipeline, like the peers' <c>MinimalAdapter</c>: no
/// transport, the turn's replies go to a list the caller checks. The peer procedure has no proactive turns.
/// </summary>
public sealed class PeerAdapter : BotAdapter, IProactiveAdapter
{
    /// <summary>"telegram" only labels the channel, as the peers' activities do.</summary>
    public const string ChannelName = "telegram";

    private readonly IBot _bot;
    private readonly ChannelAccount _botAccount = new("blockbot", "BlockBot");
    private long _stray;

    public PeerAdapter(IBot bot, BotPipeline pipeline, PeerProfileMiddleware profile)
    {
        _bot = bot;
        pipeline.ApplyTo(this);
        Use(profile);
    }

    public string ChannelId => ChannelName;

    /// <summary>Replies sent outside a turn of <see cref="SendAsync"/>: none are expected.</summary>
    public long Stray => Interlocked.Read(ref _stray);

    /// <summary>Runs the turn of one user message; returns its replies once the turn, with its commit, is over.</summary>
    public async Task<IReadOnlyList<Activity>> SendAsync(string conversationId, string userId, string text, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = conversationId + "-" + Environment.TickCount64,
            ChannelId = ChannelName,
            Text = text,
            From = new ChannelAccount(userId, "Customer"),
            Recipient = _botAccount,
            Conversation = new ConversationAccount(isGroup: false, id: conversationId),
            Locale = "en-US",
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = "https://localhost/",
        };

        var replies = new List<Activity>(2);
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(replies);
        await RunPipelineAsync(context, _bot.OnTurnAsync, cancellationToken);
        return replies;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var sink = turnContext.TurnState.Get<List<Activity>>();
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            if (activities[i].Type == ActivityTypes.Message)
            {
                if (sink is null)
                {
                    Interlocked.Increment(ref _stray);
                }
                else
                {
                    sink.Add(activities[i]);
                }
            }

            responses[i] = new ResourceResponse(string.Empty);
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The peer channel does not edit messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The peer channel does not delete messages.");

    public Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _stray);
        return Task.CompletedTask;
    }
}
