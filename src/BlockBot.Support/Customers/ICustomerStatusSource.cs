using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Customers;

public interface ICustomerStatusSource
{
    /// <summary>The customer's open case, or null when they have none.</summary>
    Task<CustomerStatus?> GetStatusAsync(CustomerId customer, CancellationToken cancellationToken);
}
