using BlockBot.Conversation.Transcripts;

namespace BlockBot.Conversation.Turns;

/// <summary>The transcript lines of one turn, in the order they were said, saved with the turn's state.</summary>
public sealed record TranscriptLinesKept(IReadOnlyList<TranscriptLine> Lines) : TurnRecord;
