using System.Globalization;
using System.Text.RegularExpressions;
using BlockBot.Support.Staff;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace BlockBot.Channels.Telegram.Staff;

/// <summary>
/// What staff do in the group: press take / done / decline on a card, answer a decline prompt with the
/// reason, reply to a card (or a relayed message) to write to the customer. Only staff may act; anyone
/// else is refused and nothing changes: a press privately (an alert only they see), a reply in the group at most
/// once an hour (<see cref="StrangerNotices"/>), so a stranger's flood neither fills the group nor the log.
/// Which ticket a reply is about is read from the replied-to message, which always starts "Ticket #N".
/// </summary>
public sealed partial class TelegramStaffActions(
    ITelegramBotClient bot,
    StaffDesk desk,
    TelegramStaffChat staffChat,
    StrangerNotices strangers,
    UnansweredQuestionsText questions,
    TelegramBotIdentity identity,
    IOptions<TelegramOptions> options,
    ILogger<TelegramStaffActions> logger)
{
    public const string Refusal = "Only support staff can act on tickets.";

    public async Task OnPressAsync(CallbackQuery press, CancellationToken cancellationToken)
    {
        var callback = StaffCallback.Parse(press.Data);
        if (callback is null)
        {
            await AnswerAsync(press, "This button is no longer in use.", cancellationToken);
            return;
        }

        if (!await IsStaffAsync(press.From, cancellationToken))
        {
            await AnswerAsync(press, Refusal, cancellationToken, alert: true);
            await NoteStrangerAsync(press.From, "pressed " + callback.Verb, callback.TicketId, cancellationToken);
            return;
        }

        var staff = Member(press.From);
        switch (callback.Verb)
        {
            case StaffCallback.Take:
                await AnsweredAsync(press, await desk.TakeAsync(callback.TicketId, staff, cancellationToken), cancellationToken);
                break;
            case StaffCallback.Done:
                await AnsweredAsync(press, await desk.DoneAsync(callback.TicketId, staff, cancellationToken), cancellationToken);
                break;
            default:
                await AnswerAsync(press, "Reply to the prompt below with the reason.", cancellationToken);
                await staffChat.AskDeclineReasonAsync(callback.TicketId, staff.DisplayName, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Answers the press and, when it came from a card other than the ticket's own (a second card posted after a crash
    /// hid the first one's message id), shows the ticket's state on that card too, so whoever pressed sees it.
    /// </summary>
    private async Task AnsweredAsync(CallbackQuery press, StaffActionResult result, CancellationToken cancellationToken)
    {
        await AnswerAsync(press, result.Message, cancellationToken);
        if (result.Ticket is { } ticket && press.Message is { } pressed
            && ticket.StaffMessageRef != pressed.Id.ToString(CultureInfo.InvariantCulture))
        {
            await staffChat.ShowOnCardAsync(ticket, pressed.Id, cancellationToken);
        }
    }

    public async Task OnMessageAsync(Message message, CancellationToken cancellationToken)
    {
        if (UnansweredQuestionsText.IsRequest(message.Text) && message.From is not null)
        {
            if (await IsStaffAsync(message.From, cancellationToken))
            {
                await staffChat.QueueAsync(await questions.DescribeAsync(cancellationToken), message.Id, cancellationToken);
            }

            return;
        }

        if (message.ReplyToMessage is not { } repliedTo || repliedTo.From?.Id != identity.Id || message.From is null)
        {
            return;
        }

        var repliedText = repliedTo.Text ?? string.Empty;
        var match = TicketReference().Match(repliedText);
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticketId))
        {
            return;
        }

        if (!await IsStaffAsync(message.From, cancellationToken))
        {
            // Queued, not sent while this update is handled: the staff group's next update (a Take, say) does not wait for it.
            if (await strangers.TryRefuseAsync(message.From.Id, cancellationToken))
            {
                await staffChat.QueueAsync(Refusal, message.Id, cancellationToken);
            }

            await NoteStrangerAsync(message.From, "replied", ticketId, cancellationToken);
            return;
        }

        var staff = Member(message.From);
        var text = message.Text ?? string.Empty;
        // Only the prompt's own first words count: a card or a relay also carries what the customer typed.
        var result = DeclinePrompt().IsMatch(repliedText)
            ? await desk.DeclineAsync(ticketId, staff, text, cancellationToken)
            : await desk.ReplyAsync(ticketId, staff, text, cancellationToken);
        if (!result.Succeeded)
        {
            await staffChat.SayAsync(result.Message, message.Id, cancellationToken);
        }
    }

    private async Task NoteStrangerAsync(User user, string action, long ticketId, CancellationToken cancellationToken)
    {
        if (await strangers.TryLogAsync(user.Id, cancellationToken))
        {
            logger.LogWarning(
                "User {UserId}, who is not staff, {Action} on ticket {TicketId} and was refused; what they do in the staff group is not logged again for {Interval}",
                user.Id,
                action,
                ticketId,
                StrangerNotices.Interval);
        }
        else
        {
            logger.LogDebug("User {UserId}, who is not staff, {Action} on ticket {TicketId} and was refused", user.Id, action, ticketId);
        }
    }

    private async Task<bool> IsStaffAsync(User user, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.StaffUserIds.Count > 0)
        {
            return o.StaffUserIds.Contains(user.Id);
        }

        try
        {
            var member = await bot.GetChatMember(o.StaffChatId!.Value, user.Id, cancellationToken);
            return member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator or ChatMemberStatus.Member;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not check whether user {UserId} is in the staff group: {Reason}", user.Id, e.Message);
            return false;
        }
    }

    private async Task AnswerAsync(CallbackQuery press, string text, CancellationToken cancellationToken, bool alert = false)
    {
        try
        {
            await bot.AnswerCallbackQuery(press.Id, text, showAlert: alert, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // An old press (e.g. handled again after a restart) can no longer be answered; the action itself stands.
            logger.LogDebug("Answering a staff button press failed: {Reason}", e.Message);
        }
    }

    private static StaffMember Member(User user)
    {
        var name = string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        return new StaffMember(user.Id.ToString(CultureInfo.InvariantCulture), name.Length > 0 ? name : user.Username ?? user.Id.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^Ticket #(\d+)")]
    private static partial Regex TicketReference();

    [GeneratedRegex(@"^Ticket #\d+ · decline: ")]
    private static partial Regex DeclinePrompt();
}
