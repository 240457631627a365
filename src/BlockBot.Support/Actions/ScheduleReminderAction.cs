using System.Globalization;
using BlockBot.Conversation;
using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Reminders;

namespace BlockBot.Support.Actions;

/// <summary>
/// Schedules one of the procedure's reminders for the case. A customer on a channel they usually leave (the web chat)
/// is offered, once per case, to continue where the reminder can reach them (<see cref="IHandoverOffer"/>).
/// </summary>
public sealed class ScheduleReminderAction(ReminderScheduler reminders, DateDisplay dates, IHandoverOffer handover) : IDialogAction
{
    public const string ReminderArgument = "reminder";

    public string Name => "schedule_reminder";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { ReminderArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var reminder = context.RequireArgument(this, ReminderArgument, ReminderScheduler.Events);
        var caseId = context.CaseId();
        var due = await reminders.ScheduleAsync(caseId, context.Customer, reminder, cancellationToken);
        context.Values[ValueNames.ReminderDate] = dates.Format(due, context.Language);
        await handover.OfferAsync(context, caseId.ToString(CultureInfo.InvariantCulture), cancellationToken);
    }
}
