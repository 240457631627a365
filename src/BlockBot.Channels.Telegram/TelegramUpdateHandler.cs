using BlockBot.Channels.Telegram.Inbound;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Channels.Telegram.Staff;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// What the bot reacts to, in one switch: customers write and press buttons in private chats; staff act in
/// the staff group; other groups are left; edits and everything else are ignored.
/// </summary>
public sealed class TelegramUpdateHandler(
    TelegramAdapter adapter,
    ITelegramBotClient bot,
    TelegramStaffActions staff,
    IOptions<TelegramOptions> options,
    ILogger<TelegramUpdateHandler> logger)
{
    public async Task HandleAsync(Update update, TurnOutput output, CancellationToken cancellationToken)
    {
        switch (update.Type)
        {
            case UpdateType.Message when IsStaffGroup(update.Message!.Chat):
                await staff.OnMessageAsync(update.Message, cancellationToken);
                break;
            case UpdateType.Message when update.Message!.Chat.Type == ChatType.Private:
                await OnCustomerMessageAsync(update.Message, output, cancellationToken);
                break;
            case UpdateType.Message when update.Message!.Chat.Type is ChatType.Group or ChatType.Supergroup:
                await LeaveAsync(update.Message.Chat, cancellationToken);
                break;
            case UpdateType.CallbackQuery when IsStaffGroup(update.CallbackQuery!.Message?.Chat):
                await staff.OnPressAsync(update.CallbackQuery, cancellationToken);
                break;
            case UpdateType.CallbackQuery when update.CallbackQuery!.Message?.Chat.Type is null or ChatType.Private:
                await OnCustomerPressAsync(update.CallbackQuery, output, cancellationToken);
                break;
            case UpdateType.MyChatMember when update.MyChatMember!.Chat.Type is ChatType.Group or ChatType.Supergroup
                                              && !IsStaffGroup(update.MyChatMember.Chat)
                                              && update.MyChatMember.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator:
                await LeaveAsync(update.MyChatMember.Chat, cancellationToken);
                break;
            default:
                // Edited messages, channel posts, our own membership changes elsewhere: nothing to do.
                logger.LogDebug("Ignoring a {UpdateType} update", update.Type);
                break;
        }
    }

    private bool IsStaffGroup(Chat? chat) => chat is not null && chat.Id == options.Value.StaffChatId;

    private Task OnCustomerMessageAsync(Message message, TurnOutput output, CancellationToken cancellationToken)
    {
        var activity = TelegramActivityMapper.ToActivity(message, adapter.BotAccount, options.Value.ApiUrl);
        return adapter.ProcessActivityAsync(activity, output, cancellationToken);
    }

    private async Task OnCustomerPressAsync(CallbackQuery press, TurnOutput output, CancellationToken cancellationToken)
    {
        // Answered while the turn runs, not before it: the answer only stops the client's progress indicator, and the
        // round trip would otherwise be waited for by every press's replies.
        var answering = AnswerAsync(press, cancellationToken);
        try
        {
            var chat = press.Message?.Chat ?? new Chat { Id = press.From.Id, Type = ChatType.Private };
            if (press.Message is { } answered)
            {
                // Behind the answer: the customer waits for what the bot says, not for the tidying.
                output.AddAfterReplies(Outgoing.RemoveKeyboard(chat.Id, answered.Id));
            }

            var activity = TelegramActivityMapper.ToActivity(press, chat, adapter.BotAccount, options.Value.ApiUrl);
            await adapter.ProcessActivityAsync(activity, output, cancellationToken);
        }
        finally
        {
            await answering;
        }
    }

    private async Task AnswerAsync(CallbackQuery press, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(press.Id, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Too old to answer (handled again after a restart, say): the press itself still counts.
            logger.LogDebug("Answering a button press failed: {Reason}", e.Message);
        }
    }

    private async Task LeaveAsync(Chat chat, CancellationToken cancellationToken)
    {
        logger.LogInformation("Leaving group {ChatId}: it is not the staff group", chat.Id);
        try
        {
            await bot.LeaveChat(chat.Id, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Leaving group {ChatId} failed: {Reason}", chat.Id, e.Message);
        }
    }
}
