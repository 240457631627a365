using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.Bitrix24.Fake;

/// <summary>One REST call as the fake saw it; <see cref="Status"/> is what it answered.</summary>
public sealed record FakeCall(string Method, JsonObject Parameters, int Status, TimeSpan At, bool InBatch);
