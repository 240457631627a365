using System.Diagnostics.CodeAnalysis;
using Telegram.Bot.Types;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>What <see cref="TelegramUpdateReader"/> made of one update: the update, or why it cannot be handled.</summary>
/// <param name="UpdateId">The update's id when it could be read as a number, also when the rest could not.</param>
public sealed record UpdateReading(long? UpdateId, Update? Update, UpdateProblem? Problem)
{
    [MemberNotNullWhen(true, nameof(Update))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsUsable => Update is not null;
}
