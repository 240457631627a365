namespace BlockBot.Conversation.Abstractions;

/// <summary>What <c>/cancel</c> ends besides the running dialog: the matter a domain keeps open for the customer.</summary>
public interface ICancelHook
{
    /// <summary>True when the customer has something under way that <c>/cancel</c> ends, even with no dialog running.</summary>
    Task<bool> HasOpenAsync(CustomerId customer, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken);

    /// <summary>Ends it; runs before the engine clears the conversation's dialogs and values.</summary>
    Task CancelAsync(DialogActionContext context, CancellationToken cancellationToken);
}
