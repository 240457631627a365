namespace BlockBot.Support.Tickets;

/// <summary>What staff are asked to do. Text forms (<see cref="TicketKinds"/>): queue_clearing, vm_change, general_question.</summary>
public enum TicketKind
{
    QueueClearing,
    VmChange,
    GeneralQuestion,
}
