namespace BlockBot.Conversation.Handover;

/// <summary>
/// The storage key Bot Builder's <c>ConversationState</c> keeps a conversation under (its <c>GetStorageKey</c> is
/// protected): what a turn in one conversation needs to read or clear another's state.
/// </summary>
internal static class ConversationStateKeys
{
    public static string Of(string channelId, string conversationId) => $"{channelId}/conversations/{conversationId}";
}
