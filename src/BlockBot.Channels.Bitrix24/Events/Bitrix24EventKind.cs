namespace BlockBot.Channels.Bitrix24.Events;

public enum Bitrix24EventKind
{
    Other,
    Message,
    Join,
    Command,
    BotDeleted,
}
