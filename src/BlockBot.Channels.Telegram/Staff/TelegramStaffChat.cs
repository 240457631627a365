using System.Globalization;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace BlockBot.Channels.Telegram.Staff;

/// <summary>
/// The staff group: each ticket is a card with take / done / decline buttons, edited in place to show its
/// state and who acted; a customer's messages arrive as replies to the card. Whatever channel the
/// customer uses, their ticket can land here. Cards and what staff do are sent at once, ahead of anything queued
/// (<see cref="SendPriority"/>); relays and refusals go through the outbox, so no turn waits for the group's
/// 20 messages a minute and none of them holds up a staff action.
/// </summary>
public sealed class TelegramStaffChat(
    ITelegramBotClient bot,
    TelegramSendLimiter limiter,
    ITelegramStore store,
    TelegramOutboxSender sender,
    TicketCardText cards,
    IOptions<TelegramOptions> options) : IStaffChat
{
    /// <summary>Starts the text of a relayed customer message; staff replying to it answer that ticket.</summary>
    public const string RelayMarker = "the customer writes:";

    private long ChatId => options.Value.StaffChatId ?? throw new InvalidOperationException($"{TelegramOptions.StaffChatIdKey} is not set.");

    public async Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var chatId = ChatId;
        var message = await limiter.SendAsync(
            chatId,
            SendPriority.Card,
            token => bot.SendMessage(chatId, TelegramText.Html(cards.Describe(ticket)), parseMode: ParseMode.Html, replyMarkup: Buttons(ticket), cancellationToken: token),
            cancellationToken);
        return message.Id.ToString(CultureInfo.InvariantCulture);
    }

    public async Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        if (!int.TryParse(ticket.StaffMessageRef, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId))
        {
            // Never posted here (or posted to another staff chat): post it now, with its current state.
            await PostTicketAsync(ticket, cancellationToken);
            return;
        }

        await ShowOnCardAsync(ticket, messageId, cancellationToken);
    }

    /// <summary>Edits the card message <paramref name="messageId"/> to show the ticket as it is now.</summary>
    public async Task ShowOnCardAsync(HandoffTicket ticket, int messageId, CancellationToken cancellationToken)
    {
        var chatId = ChatId;
        try
        {
            await limiter.SendAsync(
                chatId,
                SendPriority.StaffAction,
                token => bot.EditMessageText(chatId, messageId, TelegramText.Html(cards.Describe(ticket)), parseMode: ParseMode.Html, replyMarkup: Buttons(ticket), cancellationToken: token),
                cancellationToken);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
        {
            // The card already shows this state (the same change handled twice).
        }
    }

    /// <summary>Queues the customer's message as a reply to the card; it is sent behind what the group has queued.</summary>
    public Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken)
    {
        int? card = int.TryParse(ticket.StaffMessageRef, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId) ? messageId : null;
        return QueueAsync($"Ticket #{ticket.Id} · {RelayMarker}\n{text}", card, cancellationToken);
    }

    /// <summary>Asks, in the group, for the reason of a decline; the answer is a reply to this prompt.</summary>
    public Task AskDeclineReasonAsync(long ticketId, string staffName, CancellationToken cancellationToken)
    {
        var chatId = ChatId;
        var text = DeclinePrompt(ticketId, staffName);
        return limiter.SendAsync(
            chatId,
            SendPriority.StaffAction,
            token => bot.SendMessage(chatId, TelegramText.Html(text), parseMode: ParseMode.Html, replyMarkup: new ForceReplyMarkup { Selective = false, InputFieldPlaceholder = "Reason" }, cancellationToken: token),
            cancellationToken);
    }

    /// <summary>Answers a staff member in the group at once, ahead of what is queued.</summary>
    public Task SayAsync(string text, int? replyTo, CancellationToken cancellationToken)
    {
        var chatId = ChatId;
        var reply = replyTo is { } id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null;
        return limiter.SendAsync(
            chatId,
            SendPriority.StaffAction,
            token => bot.SendMessage(chatId, TelegramText.Html(text), parseMode: ParseMode.Html, replyParameters: reply, cancellationToken: token),
            cancellationToken);
    }

    /// <summary>Queues a message to the group in the outbox, behind what is queued there and behind every staff action.</summary>
    public async Task QueueAsync(string text, int? replyTo, CancellationToken cancellationToken)
    {
        await store.QueueAsync([Outgoing.Reply(ChatId, text, replyTo)], cancellationToken);
        sender.Wake();
    }

    public static string DeclinePrompt(long ticketId, string staffName) =>
        $"Ticket #{ticketId} · decline: {staffName}, reply to this message with the reason (the customer sees it).";

    private static InlineKeyboardMarkup? Buttons(HandoffTicket ticket)
    {
        var verbs = ticket.State switch
        {
            TicketState.Open => new[] { (StaffCallback.Take, "Take"), (StaffCallback.Done, "Done"), (StaffCallback.Decline, "Decline") },
            TicketState.Taken => [(StaffCallback.Done, "Done"), (StaffCallback.Decline, "Decline")],
            _ => [],
        };
        return verbs.Length == 0
            ? null
            : new InlineKeyboardMarkup(verbs.Select(v => InlineKeyboardButton.WithCallbackData(v.Item2, new StaffCallback(v.Item1, ticket.Id).Data)));
    }
}
