using System.Text.Json.Nodes;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>One page of <c>imbot.v2.Event.get</c>.</summary>
public sealed record Bitrix24Events(IReadOnlyList<JsonObject> Events, long? NextOffset, bool HasMore);
