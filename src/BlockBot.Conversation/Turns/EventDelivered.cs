namespace BlockBot.Conversation.Turns;

/// <summary>
/// The queued event with this delivery id reached its conversation in this turn (ADR 0010); its name lets the
/// desk's dashboard count reminders sent.
/// </summary>
public sealed record EventDelivered(string DeliveryId, string? EventName = null) : TurnRecord;
