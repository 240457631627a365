using System.Text.Json.Serialization;

namespace BlockBot.Channels.WebChat.DirectLine;

/// <summary>Direct Line's conversation object: what starting, resuming or refreshing returns.</summary>
public sealed record DirectLineConversation(
    [property: JsonPropertyName("conversationId")] string ConversationId,
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("streamUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? StreamUrl = null);
