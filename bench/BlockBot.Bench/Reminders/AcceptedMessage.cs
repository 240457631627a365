namespace BlockBot.Bench.Reminders;

/// <summary>A message the fake Bot API accepted: to whom, what, and when it arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
public sealed record AcceptedMessage(long ChatId, string Text, long At);
