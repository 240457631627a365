namespace BlockBot.Support.Staff;

/// <param name="Id">The staff chat's id for the person; the channel checks it against its configured staff.</param>
/// <param name="DisplayName">What the customer and the card are shown, e.g. "Anna".</param>
public sealed record StaffMember(string Id, string DisplayName);
