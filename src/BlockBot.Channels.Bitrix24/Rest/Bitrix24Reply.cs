using System.Net;
using System.Text.Json.Nodes;

namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>One answer of the portal to one REST call. <see cref="Error"/> is null exactly when the call succeeded.</summary>
internal sealed record Bitrix24Reply(HttpStatusCode Status, JsonObject? Response, string? Error);
