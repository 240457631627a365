namespace BlockBot.Conversation.Abstractions;

/// <summary>What became of an event brought into a conversation.</summary>
public enum EventDelivery
{
    /// <summary>The event's turn ran and was saved.</summary>
    Delivered,

    /// <summary>An earlier run delivered this event already (a job run again after a crash); nothing was done.</summary>
    AlreadyDelivered,

    /// <summary>The customer cannot be reached: no stored reference, or their channel is not running.</summary>
    Unreachable,
}
