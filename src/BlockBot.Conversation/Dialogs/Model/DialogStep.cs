namespace BlockBot.Conversation.Dialogs.Model;

/// <summary>A step of a dialog. Its kinds (say, ask, branch, do, wait, goto, end) are registered in <see cref="Steps.StepKinds"/>, each in its own folder under Steps/.</summary>
public abstract record DialogStep(string? Id, SourceLocation Location)
{
    /// <summary>The step's kind as the file spells it.</summary>
    public abstract string Kind { get; }

    /// <summary>Step ids this step may jump to (besides falling through to the next step).</summary>
    public virtual IEnumerable<string> Targets => [];

    /// <summary>False when control never passes to the next step in the list.</summary>
    public virtual bool FallsThrough => true;
}
