using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Cases;

public interface ICaseRepository
{
    /// <summary>
    /// Stores a new open case (its <see cref="BlockCase.Id"/> is ignored) and, in the same transaction,
    /// closes any case the customer still has open with outcome <c>cancelled</c>. Returns the stored case.
    /// </summary>
    Task<BlockCase> CreateAsync(BlockCase newCase, CancellationToken cancellationToken);

    Task<BlockCase?> GetAsync(long id, CancellationToken cancellationToken);

    Task<BlockCase?> FindOpenAsync(CustomerId customer, CancellationToken cancellationToken);

    /// <summary>Every case of the customer on the line (compared as <see cref="LineKey"/>), newest first.</summary>
    Task<IReadOnlyList<BlockCase>> ListForLineAsync(CustomerId customer, string line, CancellationToken cancellationToken);

    /// <summary>Every case of the customer, newest first.</summary>
    Task<IReadOnlyList<BlockCase>> ListForCustomerAsync(CustomerId customer, CancellationToken cancellationToken);

    /// <returns>False when there is no such case.</returns>
    Task<bool> UpdateStageAsync(long id, string stage, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Closes an open case: outcome and stage become <paramref name="outcome"/>.</summary>
    /// <returns>False when there is no such case or it is already closed.</returns>
    Task<bool> CloseAsync(long id, string outcome, DateTimeOffset now, CancellationToken cancellationToken);

    Task DeleteForCustomerAsync(CustomerId customer, CancellationToken cancellationToken);
}
