namespace BlockBot.Conversation.Diagnostics;

/// <summary>Tags of the health checks each project registers; the host maps <c>/health/ready</c> to <see cref="Ready"/>.</summary>
public static class HealthTags
{
    /// <summary>A check that must pass before the instance takes work: its database, scheduler or channel API answers.</summary>
    public const string Ready = "ready";
}
