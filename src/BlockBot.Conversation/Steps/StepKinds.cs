using BlockBot.Conversation.Steps.Ask;
using BlockBot.Conversation.Steps.Branch;
using BlockBot.Conversation.Steps.Do;
using BlockBot.Conversation.Steps.End;
using BlockBot.Conversation.Steps.Goto;
using BlockBot.Conversation.Steps.Say;
using BlockBot.Conversation.Steps.Wait;
using Microsoft.Extensions.DependencyInjection;

namespace BlockBot.Conversation.Steps;

/// <summary>Every kind of step a dialog may use, in the order error messages list them. A new kind is one folder plus a line here.</summary>
internal static class StepKinds
{
    public static IReadOnlyList<StepKind> All { get; } =
    [
        new("say", typeof(SayStep), SayStepParser.Parse, typeof(SayStepRunner)),
        new("ask", typeof(AskStep), AskStepParser.Parse, typeof(AskStepRunner))
        {
            Answer = typeof(AskStepAnswer),
            SiblingKeys = new Dictionary<string, string>
            {
                ["events"] = "'events' next to a step belongs to 'ask' steps (a 'wait' lists its events inside)",
            },
        },
        new("branch", typeof(BranchStep), BranchStepParser.Parse, typeof(BranchStepRunner)),
        new("do", typeof(DoStep), DoStepParser.Parse, typeof(DoStepRunner))
        {
            Validate = (step, checks) => DoStepValidator.Validate((DoStep)step, checks),
            SiblingKeys = new Dictionary<string, string> { ["with"] = "'with' belongs to 'do' steps" },
        },
        new("wait", typeof(WaitStep), WaitStepParser.Parse, typeof(WaitStepRunner)) { Answer = typeof(WaitStepAnswer) },
        new("goto", typeof(GotoStep), GotoStepParser.Parse, typeof(GotoStepRunner)),
        new("end", typeof(EndStep), EndStepParser.Parse, typeof(EndStepRunner))
        {
            Validate = (step, checks) => EndStepValidator.Validate((EndStep)step, checks),
        },
    ];

    public static IReadOnlyDictionary<string, StepKind> ByKey { get; } = All.ToDictionary(k => k.Key, StringComparer.Ordinal);

    public static IReadOnlyDictionary<Type, StepKind> ByStepType { get; } = All.ToDictionary(k => k.StepType);

    /// <summary>Registers every kind's runner and answer.</summary>
    public static IServiceCollection AddStepKinds(this IServiceCollection services)
    {
        foreach (var kind in All)
        {
            services.AddSingleton(typeof(IStepRunner), kind.Runner);
            if (kind.Answer is { } answer)
            {
                services.AddSingleton(typeof(IStepAnswer), answer);
            }
        }

        return services;
    }
}
