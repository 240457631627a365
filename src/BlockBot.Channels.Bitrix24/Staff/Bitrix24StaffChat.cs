using System.Globalization;
using System.Text.Json.Nodes;
using BlockBot.Channels.Bitrix24.Rest;
using BlockBot.Support.Staff;
using BlockBot.Support.Tickets;
using Microsoft.Extensions.Options;

namespace BlockBot.Channels.Bitrix24.Staff;

/// <summary>
/// The staff chat as a Bitrix24 group chat (<see cref="Bitrix24Options.StaffDialogId"/>): a card per ticket with
/// take / done / decline buttons, edited as the ticket moves; customers' messages posted under the ticket's number.
/// </summary>
public sealed class Bitrix24StaffChat(Bitrix24Api api, Bitrix24Bot bot, TicketCardText cards, IOptions<Bitrix24Options> options) : IStaffChat
{
    private string DialogId => options.Value.StaffDialogId ?? throw new InvalidOperationException("BlockBot:Bitrix24:StaffDialogId is not set.");

    public async Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var botId = await bot.IdAsync(cancellationToken);
        var id = await api.SendAsync(botId, DialogId, CardText(ticket), Keyboard(ticket, botId), cancellationToken);
        return id?.ToString(CultureInfo.InvariantCulture);
    }

    public async Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken)
    {
        var botId = await bot.IdAsync(cancellationToken);
        if (long.TryParse(ticket.StaffMessageRef, NumberStyles.None, CultureInfo.InvariantCulture, out var messageId))
        {
            await api.UpdateAsync(botId, messageId, CardText(ticket), Keyboard(ticket, botId), cancellationToken);
        }
        else
        {
            await api.SendAsync(botId, DialogId, Bitrix24MessageFormatter.Escape(cards.StateLine(ticket)), null, cancellationToken);
        }
    }

    public async Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken)
    {
        var botId = await bot.IdAsync(cancellationToken);
        var message = Bitrix24MessageFormatter.Escape($"Ticket #{ticket.Id} · the customer writes:\n{text}");
        foreach (var part in Bitrix24MessageFormatter.Split(message))
        {
            await api.SendAsync(botId, DialogId, part, null, cancellationToken);
        }
    }

    /// <summary>Also used for the staff's own answers in the chat.</summary>
    public async Task SayAsync(string text, CancellationToken cancellationToken) =>
        await api.SendAsync(await bot.IdAsync(cancellationToken), DialogId, Bitrix24MessageFormatter.Escape(text), null, cancellationToken);

    private string CardText(HandoffTicket ticket)
    {
        var text = Bitrix24MessageFormatter.Escape(cards.Describe(ticket));
        return ticket.State.IsWorkable()
            ? $"[b]{text}[/b]\nReply to the customer: mention the bot with “reply {ticket.Id} your text”; decline: “decline {ticket.Id} reason”."
            : text;
    }

    private static JsonObject? Keyboard(HandoffTicket ticket, long botId)
    {
        if (!ticket.State.IsWorkable())
        {
            return null;
        }

        var buttons = new JsonArray();
        if (ticket.State == TicketState.Open)
        {
            buttons.Add(Button("Take", "take", ticket.Id, "primary"));
        }

        buttons.Add(Button("Done", "done", ticket.Id, "primary"));
        buttons.Add(Button("Decline", "decline", ticket.Id, "alert"));
        return new JsonObject { ["BOT_ID"] = botId, ["BUTTONS"] = buttons };
    }

    private static JsonObject Button(string text, string verb, long ticketId, string color) => new()
    {
        ["TEXT"] = text,
        ["COMMAND"] = Bitrix24StaffCommands.TicketCommand,
        ["COMMAND_PARAMS"] = $"{verb} {ticketId.ToString(CultureInfo.InvariantCulture)}",
        ["DISPLAY"] = "LINE",
        ["BG_COLOR_TOKEN"] = color,
    };
}
