using BlockBot.Conversation.Abstractions;
using BlockBot.Support.Cases;

namespace BlockBot.Support.Actions;

public sealed class SetStageAction(ICaseRepository cases, TimeProvider time) : IDialogAction
{
    public const string StageArgument = "stage";

    public string Name => "set_stage";

    public IReadOnlySet<string> Arguments { get; } = new HashSet<string> { StageArgument };

    public async Task ExecuteAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var stage = context.RequireArgument(this, StageArgument, CaseStages.All);
        var caseId = context.CaseId();
        if (!await cases.UpdateStageAsync(caseId, stage, time.GetUtcNow(), cancellationToken))
        {
            throw new InvalidOperationException($"Case {caseId} does not exist; cannot set its stage to '{stage}'.");
        }
    }
}
