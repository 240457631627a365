namespace BlockBot.Channels.Bitrix24.Rest;

/// <summary>What <c>imbot.v2.Bot.register</c> returns that the channel uses.</summary>
public sealed record Bitrix24RegisteredBot(long Id, string? EventMode);
