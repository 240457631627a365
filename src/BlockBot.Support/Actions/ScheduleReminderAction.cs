using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Reminders;

namespace BlockBot.Support.Actions;

public sealed class ScheduleReminderAction(ReminderScheduler reminders, DateDisplay dates) : IDialogAction
{
    public const string ReminderArgument = "reminder";

    public string Name => "schedule_reminder";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { ReminderArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var reminder = context.RequireArgument(this, ReminderArgument, ReminderScheduler.Events);
        var due = await reminders.ScheduleAsync(context.CaseId(), context.Customer, reminder, cancellationToken);
        context.Values[ValueNames.ReminderDate] = dates.Format(due, context.Language);
    }
}
