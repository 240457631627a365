using BlockBot.Conversation.Abstractions;

namespace BlockBot.Conversation.Transcripts;

/// <summary>
/// One message of a customer's conversation: what the customer sent (a pressed button's value; a marker such as
/// "[photo]" for a message without text) or what the bot said, at <see cref="At"/> (UTC). A customer's
/// <see cref="Text"/> is untrusted: escape it wherever it is shown.
/// </summary>
public sealed record TranscriptLine(CustomerId Customer, DateTimeOffset At, TranscriptDirection Direction, string Text)
{
    public string Channel => Customer.ChannelId;
}
