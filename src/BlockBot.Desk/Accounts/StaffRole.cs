namespace BlockBot.Desk.Accounts;

/// <summary>An agent works the queue and tickets; a lead also sees the lead pages. Text forms: agent, lead.</summary>
public enum StaffRole
{
    Agent,
    Lead,
}
