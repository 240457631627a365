using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.Telegram.Fake;

/// <summary>One Bot API call as the fake received it: the method, the parsed JSON body, and its answer's status.</summary>
public sealed record FakeCall(string Method, JsonObject Body, int Status, DateTimeOffset At);
