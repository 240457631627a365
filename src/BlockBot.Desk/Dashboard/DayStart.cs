namespace BlockBot.Desk.Dashboard;

/// <summary>A day of the dashboard's period (in <c>BlockBot:TimeZone</c>) and the moment it starts.</summary>
public sealed record DayStart(DateOnly Day, DateTimeOffset Start);
