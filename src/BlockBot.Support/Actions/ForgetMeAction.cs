using BlockBot.Conversation.Abstractions;

namespace BlockBot.Support.Actions;

public sealed class ForgetMeAction(IPersonalDataEraser eraser) : IDialogAction
{
    public string Name => "forget_me";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string>();

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        await eraser.EraseAsync(context.Customer, cancellationToken);
        context.RequestConversationReset();
    }
}
