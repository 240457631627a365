namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>Where an update handed over by polling stands in the inbox when its chat's turn to be handled comes.</summary>
/// <param name="State">The update's own row: null when it was never recorded, else <c>received</c>, <c>handled</c> or <c>failed</c>.</param>
/// <param name="Attempts">Attempts counted on its row (0 without one).</param>
/// <param name="EarlierPending">True when an earlier update of the same chat waits in the inbox: that one goes first.</param>
public sealed record HandedOverStanding(string? State, int Attempts, bool EarlierPending)
{
    /// <summary>Handled or given up on already: Telegram sent it again (after a crash before polling confirmed it).</summary>
    public bool IsFinished => State is not (null or "received");
}
