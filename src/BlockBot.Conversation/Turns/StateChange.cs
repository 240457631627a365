namespace BlockBot.Conversation.Turns;

/// <summary>
/// A change of one Bot Builder state item, saved with the turn: <see cref="Value"/> is the item as Bot Builder holds
/// it (its ETag, if it carries one, is the one the stored item must still have), or null to delete the key. A turn's
/// loaded state is handed over whether or not it changed; the store leaves a state it finds unchanged unwritten.
/// </summary>
public sealed record StateChange(string Key, object? Value);
