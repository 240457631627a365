namespace BlockBot.Bench.Reminders;

/// <summary>A clock that always reads <paramref name="now"/>: the product's ReminderScheduler, given it, makes every reminder due at the same moment.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
