using System.Text.Json.Nodes;

namespace BlockBot.Tests.Channels.Bitrix24.Fake;

/// <summary>A message the bot posted (or its latest edit).</summary>
public sealed record FakeMessage(long Id, string DialogId, string Text, JsonNode? Keyboard)
{
    /// <summary>The keyboard's buttons as (TEXT, COMMAND, COMMAND_PARAMS).</summary>
    public IReadOnlyList<(string Text, string? Command, string? Params)> Buttons =>
        (Keyboard?["BUTTONS"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        })
        .Select(b => (b["TEXT"]?.ToString() ?? string.Empty, b["COMMAND"]?.ToString(), b["COMMAND_PARAMS"]?.ToString()))
        .ToList();
}
