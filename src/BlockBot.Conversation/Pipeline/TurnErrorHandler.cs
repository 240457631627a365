using BlockBot.Conversation.Dialogs.Model;
using BlockBot.Conversation.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BlockBot.Conversation.Pipeline;

/// <summary>What a failed turn does: log it, and tell the customer we failed rather than go silent.</summary>
public sealed class TurnErrorHandler(DialogSetProvider dialogs, IOptions<ConversationOptions> options, ILogger<TurnErrorHandler> logger)
{
    public async Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception)
    {
        logger.LogError(exception, "A turn failed on {ChannelId} in conversation {ConversationId}", turnContext.Activity.ChannelId, turnContext.Activity.Conversation?.Id);
        if (turnContext.Activity.Type != ActivityTypes.Message)
        {
            return;
        }

        var language = Languages.FromLocale(turnContext.Activity.Locale, options.Value.DefaultLanguage);
        await turnContext.SendActivityAsync(MessageFactory.Text(dialogs.Current.Text(TextKeys.Error).For(language)));
    }
}
