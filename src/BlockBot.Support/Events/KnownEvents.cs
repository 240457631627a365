using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Events;

public sealed class KnownEvents : IKnownEvents
{
    public IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        EventNames.AppealFollowUp,
        EventNames.PhoneOnlyEnd,
        EventNames.ChatsOnlyEnd,
        EventNames.TicketOpened,
        EventNames.StaffTaken,
        EventNames.StaffDone,
        EventNames.StaffDeclined,
        EventNames.StaffMessage,
    };
}
