using System.Data.Common;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Conversation.Abstractions;

namespace BlockBot.Channels.Telegram;

/// <summary>
/// A Telegram turn's part of its commit: the replies it collected go to the outbox and the update behind it (none for
/// a reminder's turn) is marked handled, in the transaction that saves the turn's state.
/// </summary>
internal sealed class TelegramTurnCompletion(TelegramStore store, TurnOutput output) : ITurnCommitWork
{
    public Task SaveAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        store.SaveTurnAsync(connection, transaction, output.UpdateId, output.Items, cancellationToken);

    public void Committed() => output.Saved();
}
