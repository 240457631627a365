using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;
using BlockBot.Support.Reminders;

namespace BlockBot.Support.Actions;

/// <summary>
/// Opens a case for the line. A case the customer still has open is closed as cancelled (one open case
/// per customer), and its reminders go with it. <c>crm</c> and <c>repeated</c> are stored when the
/// dialog has asked them.
/// </summary>
public sealed class OpenCaseAction(ICaseRepository cases, ReminderScheduler reminders, TimeProvider time) : IDialogAction
{
    public string Name => "open_case";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string>();

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var line = context.RequireValue(ValueNames.Line).Trim();
        var crm = context.OptionalYesNo(ValueNames.Crm);
        var repeated = context.OptionalYesNo(ValueNames.Repeated);

        if (await cases.FindOpenAsync(context.Customer, cancellationToken) is { } previous)
        {
            await reminders.CancelAllAsync(previous.Id, cancellationToken);
        }

        var now = time.GetUtcNow();
        var created = await cases.CreateAsync(
            new BlockCase
            {
                Id = 0,
                Customer = context.Customer,
                Line = line,
                CrmMarketing = crm,
                Repeated = repeated,
                Stage = CaseStages.Appeal,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken);
        context.Values[ValueNames.CaseId] = ActionValues.Text(created.Id);
    }
}
