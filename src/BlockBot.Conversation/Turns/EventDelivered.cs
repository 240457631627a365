namespace BlockBot.Conversation.Turns;

/// <summary>The queued event with this delivery id reached its conversation in this turn (ADR 0010).</summary>
public sealed record EventDelivered(string DeliveryId) : TurnRecord;
