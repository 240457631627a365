namespace BlockBot.Support.Reminders;

/// <summary>A case's next reminder: the event it will send and when.</summary>
public sealed record UpcomingReminder(string Event, DateTimeOffset Due);
