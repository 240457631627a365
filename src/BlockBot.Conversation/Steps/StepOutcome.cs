namespace BlockBot.Conversation.Steps;

/// <summary>What the dialog runner does after a step ran.</summary>
internal enum StepOutcome
{
    /// <summary>Run the step the frame now points at.</summary>
    Continue,

    /// <summary>The conversation is parked on this step until the customer writes or an event arrives.</summary>
    Park,
}
