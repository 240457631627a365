namespace BlockBot.Conversation.Steps.Ask;

public enum AskKind
{
    Text,
    YesNo,
    Choice,
}
