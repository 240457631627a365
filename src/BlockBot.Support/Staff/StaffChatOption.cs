using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Support.Staff;

/// <summary>
/// A staff chat a channel can provide. The host offers every channel's option to <c>BlockBot:StaffChat</c>, which
/// chooses one by <see cref="Name"/>; left empty, the first option that is <see cref="ChosenByDefault"/> wins.
/// </summary>
public sealed record StaffChatOption
{
    /// <summary>How <c>BlockBot:StaffChat</c> names it, e.g. <c>Telegram</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The channel's own staff-chat setting is present (or, for the console, always).</summary>
    public required bool ChosenByDefault { get; init; }

    /// <summary>Why it cannot be chosen, naming the missing setting; null when it can.</summary>
    public string? Unavailable { get; init; }

    /// <summary>Registers this staff chat as the one <see cref="IStaffChat"/>.</summary>
    public required Action<IServiceCollection> Register { get; init; }
}
