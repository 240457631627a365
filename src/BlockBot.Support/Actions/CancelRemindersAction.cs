using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Reminders;

namespace BlockBot.Support.Actions;

/// <summary>Cancels the case's pending reminders. Scheduled clearings are not reminders and stay.</summary>
public sealed class CancelRemindersAction(ReminderScheduler reminders) : IDialogAction
{
    public string Name => "cancel_reminders";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string>();

    public Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken) =>
        reminders.CancelAllAsync(context.CaseId(), cancellationToken);
}
