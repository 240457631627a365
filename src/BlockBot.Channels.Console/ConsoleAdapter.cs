using BlockBot.Channels.Console.Inbound;
using BlockBot.Conversation.Pipeline;
using BlockBot.Conversation.Proactive;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Console;

/// <summary>The terminal as a Bot Framework channel: each typed line is a message activity; replies print as lines.</summary>
public sealed class ConsoleAdapter : ProactiveAdapter
{
    public const string Channel = "console";

    private readonly IBot _bot;
    private readonly ConsoleTranscript _transcript;
    private readonly ChannelAccount _user;
    private readonly ChannelAccount _botAccount = new("blockbot", "BlockBot");
    private readonly ConversationAccount _conversation;

    public ConsoleAdapter(IBot bot, BotPipeline pipeline, ConsoleTranscript transcript, IOptions<ConsoleOptions> options)
    {
        _bot = bot;
        _transcript = transcript;
        _user = new ChannelAccount(options.Value.UserId, options.Value.UserId);
        _conversation = new ConversationAccount(isGroup: false, id: $"console-{options.Value.UserId}");
        pipeline.ApplyTo(this);
    }

    public override string ChannelId => Channel;

    public async Task ProcessLineAsync(string line, CancellationToken cancellationToken)
    {
        var activity = ConsoleActivityMapper.ToActivity(line, _user, _botAccount, _conversation);
        await RunTurnAsync(activity, _bot.OnTurnAsync, cancellationToken);
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new List<ResourceResponse>();
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            var buttons = activity.SuggestedActions?.Actions?.Select(a => a.Title).ToList() ?? [];
            _transcript.Bot(activity.Text ?? string.Empty, buttons);
            responses.Add(new ResourceResponse(Guid.NewGuid().ToString("N")));
        }

        return Task.FromResult(responses.ToArray());
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot edit printed lines.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The console cannot delete printed lines.");
}
