using Microsoft.Bot.Builder;

namespace BlockBot.Conversation.State;

/// <summary>The two state properties the engine uses, created once.</summary>
public sealed class BotStateAccessors(ConversationState conversationState, UserState userState)
{
    public ConversationState ConversationState { get; } = conversationState;

    public UserState UserState { get; } = userState;

    public IStatePropertyAccessor<DialogState> Dialog { get; } = conversationState.CreateProperty<DialogState>(nameof(DialogState));

    public IStatePropertyAccessor<UserProfile> Profile { get; } = userState.CreateProperty<UserProfile>(nameof(UserProfile));
}
