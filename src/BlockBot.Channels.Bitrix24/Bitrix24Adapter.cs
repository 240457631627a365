using System.Globalization;
using BlockBot.Channels.Bitrix24.Events;
using BlockBot.Channels.Bitrix24.Inbound;
using BlockBot.Channels.Bitrix24.Rest;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Proactive;
using BlockBot.Conversation.Turns;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Bitrix24;

/// <summary>
/// Open-line customers as a Bot Framework channel: runs the turn of each customer event, once, with the activity
/// <see cref="Bitrix24ActivityMapper"/> makes of it, and sends the replies to the open-line chat.
/// </summary>
public sealed class Bitrix24Adapter : ProactiveAdapter
{
    public const string Channel = "bitrix24";

    /// <summary>Turn-state key set by <see cref="Bitrix24OperatorTransfer"/>: hand the chat over once the turn's replies are out.</summary>
    internal const string TransferRequested = "bitrix24.transfer";

    /// <summary>Turn-state key: the portal refused to write to this turn's chat, so the turn's other replies are not tried.</summary>
    private const string WritesRefused = "bitrix24.refused";

    private readonly IBot _bot;
    private readonly Bitrix24Api _api;
    private readonly Bitrix24Bot _botIdentity;
    private readonly IBitrix24Store _store;
    private readonly ILogger<Bitrix24Adapter> _logger;

    public Bitrix24Adapter(IBot bot, BotPipeline pipeline, Bitrix24Api api, Bitrix24Bot botIdentity, IBitrix24Store store, ILogger<Bitrix24Adapter> logger)
    {
        _bot = bot;
        _api = api;
        _botIdentity = botIdentity;
        _store = store;
        _logger = logger;
        pipeline.ApplyTo(this);
    }

    public override string ChannelId => Channel;

    private ChannelAccount BotAccount => new(_botIdentity.Id.ToString(CultureInfo.InvariantCulture), "BlockBot");

    public Task ProcessMessageAsync(Bitrix24Event inbound, string text, CancellationToken cancellationToken)
    {
        return RunAsync(Bitrix24ActivityMapper.ToActivity(inbound, text, BotAccount), Once(inbound), cancellationToken);
    }

    public Task ProcessJoinAsync(Bitrix24Event inbound, CancellationToken cancellationToken)
    {
        return RunAsync(Bitrix24ActivityMapper.ToJoinActivity(inbound, BotAccount), Once(inbound), cancellationToken);
    }

    /// <summary>
    /// The turn of an event, run once: under the conversation's lock it checks the event is not handled yet, and its
    /// mark is saved with the turn, so two deliveries of one event at the same moment, or one after a crash, run one turn.
    /// </summary>
    private BotCallbackHandler Once(Bitrix24Event inbound) => async (turn, cancellationToken) =>
    {
        if (await _store.WasProcessedAsync(inbound.Key, cancellationToken))
        {
            _logger.LogInformation("Bitrix24 event {EventKey} was handled by an earlier delivery", inbound.Key);
            return;
        }

        turn.UnitOfWork().Add(new Bitrix24EventProcessed(inbound.Key));
        await _bot.OnTurnAsync(turn, cancellationToken);
    };

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            var dialogId = activity.Conversation?.Id ?? throw new InvalidOperationException("A Bitrix24 reply needs the dialog id as its conversation id.");
            var messages = Bitrix24MessageFormatter.Format(activity, _botIdentity.Id);
            if (messages.Count == 0)
            {
                continue;
            }

            if (turnContext.TurnState.ContainsKey(WritesRefused))
            {
                continue;
            }

            try
            {
                var ids = await _api.SendManyAsync(_botIdentity.Id, dialogId, messages, cancellationToken);
                responses.Add(new ResourceResponse(ids[^1]?.ToString(CultureInfo.InvariantCulture) ?? Guid.NewGuid().ToString("N")));
            }
            catch (Bitrix24Exception e) when (IsRefusal(e))
            {
                // Asking again gets the same answer, so the turn finishes and its event is acknowledged without the reply.
                turnContext.TurnState[WritesRefused] = true;
                _logger.LogWarning("The portal refuses the bot's messages in {DialogId} ({Error}); the turn's replies there are dropped", dialogId, e.Error);
            }
        }

        return [.. responses];
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bot does not edit customers' messages.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The bot does not delete customers' messages.");

    protected override Task RunTurnAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        RunAsync(activity, callback, cancellationToken);

    private async Task RunAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        await RunPipelineAsync(context, callback, cancellationToken);
        if (context.TurnState.ContainsKey(TransferRequested))
        {
            await TransferAsync(activity.Conversation.Id, cancellationToken);
        }
    }

    private async Task TransferAsync(string dialogId, CancellationToken cancellationToken)
    {
        if (!dialogId.StartsWith("chat", StringComparison.Ordinal) || !long.TryParse(dialogId.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var chatId))
        {
            _logger.LogWarning("Dialog {DialogId} is not an open-line chat; it cannot go to operators", dialogId);
            return;
        }

        try
        {
            await _api.TransferToOperatorsAsync(chatId, cancellationToken);
            _logger.LogInformation("Open-line chat {ChatId} was handed to the operators", chatId);
        }
        catch (Bitrix24Exception e) when (e.Error is "WRONG_CHAT")
        {
            _logger.LogInformation("Open-line chat {ChatId} already has an operator", chatId);
        }
        catch (Bitrix24Exception e)
        {
            // The turn is done and its ticket open; replaying it would repeat the dialog, so the failure stays a log line.
            _logger.LogError("Handing open-line chat {ChatId} to the operators failed: {Error}", chatId, e.Error);
        }
    }

    /// <summary>The portal will not let the bot write there; not a failure a retry mends.</summary>
    private static bool IsRefusal(Bitrix24Exception e) => e.Error is "ACCESS_DENIED";
}
