using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Tickets;

namespace BlockBot.Desk.Lines;

/// <summary>One line (a customer's line name, as <see cref="LineKey"/> compares it) with its reported blocks and its clearing and VM-change tickets, newest first.</summary>
public sealed record LineRecord(CustomerId Customer, string Line, IReadOnlyList<BlockCase> Blocks, IReadOnlyList<HandoffTicket> Clearings)
{
    public DateTimeOffset LastActivity =>
        Blocks.Select(b => b.CreatedAt).Concat(Clearings.Select(t => t.ClosedAt ?? t.OpensAt)).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
}
