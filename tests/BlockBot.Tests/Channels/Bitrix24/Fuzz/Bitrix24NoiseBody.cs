namespace BlockBot.Tests.Channels.Bitrix24.Fuzz;

/// <summary>One generated request to the event endpoint: what it tries, and the bytes that try it.</summary>
/// <param name="ContentType">The Content-Type header as sent, or null for none.</param>
public sealed record Bitrix24NoiseBody(int Index, string Kind, string Method, string? ContentType, byte[] Body)
{
    public override string ToString() => $"#{Index} {Kind} ({Method}, {ContentType ?? "no content type"}, {Body.Length} bytes)";
}
