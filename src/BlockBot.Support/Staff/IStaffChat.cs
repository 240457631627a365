using BlockBot.Support.Tickets;

namespace BlockBot.Support.Staff;

/// <summary>
/// The chat where support staff see tickets as cards (a Telegram group, a Bitrix24 chat, the console).
/// Implemented by channels; staff actions on a card come back through <see cref="StaffDesk"/>.
/// </summary>
public interface IStaffChat
{
    /// <summary>Posts the ticket's card.</summary>
    /// <returns>The chat's reference to the card (e.g. a message id) for later updates, or null when the chat keeps none.</returns>
    Task<string?> PostTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>Shows the ticket's new state on its card (<see cref="HandoffTicket.StaffMessageRef"/>, null if it was never posted).</summary>
    Task UpdateTicketAsync(HandoffTicket ticket, CancellationToken cancellationToken);

    /// <summary>Passes a customer's message to the people working on the ticket.</summary>
    Task RelayFromCustomerAsync(HandoffTicket ticket, string text, CancellationToken cancellationToken);
}
