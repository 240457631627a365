namespace BlockBot.Conversation.Abstractions;

/// <summary>
/// What <c>/status</c> tells a customer, composed by the part of the bot that knows their matter. The engine says the
/// lines of every report; when none has any, it says <c>status_none</c>.
/// </summary>
public interface IStatusReport
{
    /// <summary>Keys of <c>texts.yaml</c> the report uses; loading the dialogs fails when one is missing.</summary>
    IEnumerable<string> TextKeys { get; }

    /// <returns>The lines to say, or none when the customer has nothing under way.</returns>
    Task<IReadOnlyList<string>> ComposeAsync(CustomerId customer, ITurnTexts texts, CancellationToken cancellationToken);
}
