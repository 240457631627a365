using BlockBot.Conversation.Turns;

namespace BlockBot.Channels.WebChat;

/// <summary>
/// An activity of the conversation (the customer's message, echoed as Direct Line does, or the bot's reply) stored
/// with the turn's state, so a reply is there for the customer exactly when the turn that said it is saved.
/// </summary>
public sealed record WebChatActivityQueued(string ConversationId, string Json) : TurnRecord;
