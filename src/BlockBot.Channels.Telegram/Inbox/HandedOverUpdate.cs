using Telegram.Bot.Types;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// An update polling handed to the inbox processor in memory instead of recording it first (ADR 0029). Polling may
/// confirm it to Telegram only once <see cref="Saved"/> says it is saved — handled with its turn, or recorded to be
/// handled later; on false (or no answer in time) polling records it itself.
/// </summary>
public sealed class HandedOverUpdate(ReceivedUpdate update, Update read)
{
    private readonly TaskCompletionSource<bool> _saved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ReceivedUpdate Update { get; } = update;

    /// <summary>The update as polling read it, so the turn does not read its JSON again.</summary>
    public Update Read { get; } = read;

    /// <summary>True once the update is saved (handled, given up on, or recorded); false when it was left unsaved.</summary>
    public Task<bool> Saved => _saved.Task;

    internal void MarkSaved() => _saved.TrySetResult(true);

    internal void MarkUnsaved() => _saved.TrySetResult(false);
}
