using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.State;

/// <summary>A Bot Builder state that tells which storage key a turn's state has, so it can be read ahead.</summary>
public interface IStateWithStorageKey
{
    /// <summary>The key, or null when the turn's activity lacks what the key is made of.</summary>
    string? StorageKeyOf(ITurnContext turnContext);
}
