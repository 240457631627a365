using BlockBot.Conversation.Abstractions;

namespace BlockBot.Tests.Support;

internal sealed record SentEvent(CustomerId Customer, string Event, IReadOnlyDictionary<string, string> Values, string? DeliveryId = null);
