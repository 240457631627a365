namespace BlockBot.Desk.Dashboard;

/// <summary>Blocks reported on one day (in <c>BlockBot:TimeZone</c>): first, repeated, and those WhatsApp refused to unblock.</summary>
public sealed record BlocksOnDay(DateOnly Day, int First, int Repeated, int Refused);
