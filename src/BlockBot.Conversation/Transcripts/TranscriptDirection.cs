namespace BlockBot.Conversation.Transcripts;

/// <summary>Who wrote a transcript line: the customer (<see cref="In"/>) or the bot (<see cref="Out"/>).</summary>
public enum TranscriptDirection
{
    In,
    Out,
}
