using System.Globalization;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Proactive;
using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// Telegram as a Bot Framework channel. A turn's replies are not sent while it runs: each is a
/// <see cref="TelegramMessageQueued"/> record of the turn's unit of work (and, for a customer's update, a
/// <see cref="TelegramUpdateHandled"/> too), queued in the durable outbox in the transaction that saves the turn's
/// state, from which <see cref="TelegramOutboxSender"/> sends them within Telegram's limits.
/// </summary>
public sealed class TelegramAdapter : ProactiveAdapter
{
    public const string Channel = Microsoft.Bot.Connector.Channels.Telegram;

    private readonly IBot _bot;
    private readonly TelegramOutboxSender _sender;
    private readonly TelegramBotIdentity _identity;

    public TelegramAdapter(IBot bot, BotPipeline pipeline, TelegramOutboxSender sender, TelegramBotIdentity identity)
    {
        _bot = bot;
        _sender = sender;
        _identity = identity;
        pipeline.ApplyTo(this);
    }

    public override string ChannelId => Channel;

    public ChannelAccount BotAccount => new(_identity.Id.ToString(CultureInfo.InvariantCulture), _identity.Username);

    /// <summary>Runs a customer's turn; what it says is added to <paramref name="output"/>.</summary>
    public async Task ProcessActivityAsync(Activity activity, TurnOutput output, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        Begin(context, output);
        await RunPipelineAsync(context, ThenAfterReplies(_bot.OnTurnAsync), cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var output = turnContext.TurnState.Get<TurnOutput>()
            ?? throw new InvalidOperationException("A Telegram turn runs with a TurnOutput.");
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities)
        {
            // Typing, trace and other non-message activities have no Telegram counterpart here.
            if (activity.Type != ActivityTypes.Message || !long.TryParse(activity.Conversation?.Id, CultureInfo.InvariantCulture, out var chatId))
            {
                continue;
            }

            var parts = TelegramText.Split(activity.Text ?? string.Empty);
            var buttons = activity.SuggestedActions?.Actions?
                .Select(a => TelegramKeyboards.Button(a.Title ?? a.Value?.ToString() ?? string.Empty, a.Value?.ToString() ?? a.Title ?? string.Empty))
                .ToList();
            for (var i = 0; i < parts.Count; i++)
            {
                var message = Outgoing.Message(chatId, parts[i], i == parts.Count - 1 ? buttons : null);
                output.Add(message);
                turnContext.UnitOfWork().Add(new TelegramMessageQueued(message));
            }

            responses.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        return Task.FromResult(responses.ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The dialogs do not edit sent messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The dialogs do not delete sent messages.");

    // A proactive turn: what it queues in the outbox is saved with the turn, and the sender is woken after it.
    protected override async Task RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        var output = new TurnOutput();
        using (var context = new TurnContext(this, activity))
        {
            Begin(context, output);
            await RunPipelineAsync(context, ThenAfterReplies(callback), cancellationToken);
        }

        // A failed turn saved nothing: its event is delivered again, and says all of it then.
        if (output.IsSaved)
        {
            _sender.Wake();
        }
    }

    /// <summary>
    /// What the turn saves of Telegram's own: the update it answers marked handled, and what was said for the update
    /// before the turn began. A failed turn saves none of it; then <see cref="TurnOutput"/> still holds it all (with
    /// what waited for after the replies) for the inbox to complete the update with.
    /// </summary>
    private static void Begin(TurnContext context, TurnOutput output)
    {
        context.TurnState.Add(output);
        var work = context.UnitOfWork();
        foreach (var said in output.Said)
        {
            work.Add(new TelegramMessageQueued(said));
        }

        if (output.UpdateId is { } updateId)
        {
            work.Add(new TelegramUpdateHandled(updateId, output.Unrecorded));
        }

        work.OnCommitted(output.Saved);
    }

    /// <summary>
    /// Runs the turn's logic, then queues what <see cref="TurnOutput.AddAfterReplies"/> held back behind its replies,
    /// still inside the turn, so it is saved with them.
    /// </summary>
    private static BotCallbackHandler ThenAfterReplies(BotCallbackHandler callback) => async (context, cancellationToken) =>
    {
        await callback(context, cancellationToken);
        var output = context.TurnState.Get<TurnOutput>();
        var work = context.UnitOfWork();
        foreach (var after in output.AfterReplies)
        {
            work.Add(new TelegramMessageQueued(after));
        }
    };
}
