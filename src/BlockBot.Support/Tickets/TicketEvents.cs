using System.Globalization;

namespace BlockBot.Support.Tickets;

/// <summary>The events a ticket sends its customer happen once in its life (opened, taken, done, declined): each has its own delivery id.</summary>
public static class TicketEvents
{
    public static string DeliveryId(long ticketId, string eventName) =>
        string.Create(CultureInfo.InvariantCulture, $"ticket.{ticketId}.{eventName}");
}
