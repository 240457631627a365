namespace BlockBot.Support.Cases;

/// <summary>The stages a case moves through; <c>texts.yaml</c> names each one for <c>/status</c>.</summary>
public static class CaseStages
{
    public const string Appeal = "appeal";
    public const string AwaitingUnblock = "awaiting_unblock";
    public const string ClearingRequested = "clearing_requested";
    public const string ClearingScheduled = "clearing_scheduled";
    public const string PhoneOnly = "phone_only";
    public const string Reconnect = "reconnect";
    public const string ChatsOnly = "chats_only";
    public const string Resolved = "resolved";
    public const string Refused = "refused";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All =
        [Appeal, AwaitingUnblock, ClearingRequested, ClearingScheduled, PhoneOnly, Reconnect, ChatsOnly, Resolved, Refused, Cancelled];
}
