using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Desk.Lines;

/// <summary>
/// One line (a customer's line name, as <see cref="LineKey"/> compares it): how many blocks were reported on it (how many
/// repeated), clearings and VM changes done, and its history — the reported blocks and the clearing and VM-change
/// tickets, newest first.
/// </summary>
public sealed record LineRecord(
    CustomerId Customer,
    string Line,
    int BlockCount,
    int RepeatedCount,
    int ClearingsDone,
    int VmChangesDone,
    IReadOnlyList<BlockCase> Blocks,
    IReadOnlyList<HandoffTicket> Clearings);
