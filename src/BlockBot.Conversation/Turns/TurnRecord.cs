namespace BlockBot.Conversation.Turns;

/// <summary>
/// Something a turn saves besides its state, as plain data: a queued reply, the mark that the update or event behind
/// the turn is handled, a channel's own bookkeeping. The storage writes every record of a turn in the transaction that
/// saves the turn's state, each by the writer registered for its type; a turn that throws saves none of them.
/// </summary>
public abstract record TurnRecord;
