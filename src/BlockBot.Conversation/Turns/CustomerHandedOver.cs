namespace BlockBot.Conversation.Turns;

/// <summary>
/// The customer <paramref name="From"/> continues as <paramref name="To"/> (ADR 0015): what the domain keeps of them
/// becomes the new customer's, events still addressed to the old one reach the new one, and the code is used up.
/// Saved by the turn that accepted <paramref name="Code"/>.
/// </summary>
public sealed record CustomerHandedOver(string Code, Abstractions.CustomerId From, Abstractions.CustomerId To) : TurnRecord;
