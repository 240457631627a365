namespace BlockBot.Conversation.Dialogs.Model;

public enum AskKind
{
    Text,
    YesNo,
    Choice,
}
