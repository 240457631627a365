using Quartz;

namespace BlockBot.Support.Scheduling;

/// <summary>Triggers that fire once and, when their time passed while the bot was down, fire right after the next start.</summary>
internal static class OneShotTrigger
{
    public static TriggerBuilder<IJob> Builder(TimeProvider time, TriggerKey key, DateTimeOffset at) =>
        TriggerBuilder.Create(time)
            .WithIdentity(key)
            .StartAt(at)
            .WithSimpleSchedule(schedule => schedule.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow));
}
