using System.ComponentModel.DataAnnotations;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Where the bot draws the lines between answering, asking back and not understanding. The defaults come from
/// the leave-one-out calibration over the questions file (docs/decisions/0008).
/// </summary>
public sealed class UnderstandingOptions
{
    public const string Section = "BlockBot:Understanding";

    /// <summary>A topic scoring at least this, clearly ahead of the next one, is answered.</summary>
    [Range(0.01, 1.0)]
    public double ConfidentScore { get; set; } = 0.30;

    /// <summary>Below <see cref="ConfidentScore"/> but at least this: "Did you mean…".</summary>
    [Range(0.01, 1.0)]
    public double UnsureScore { get; set; } = 0.18;

    /// <summary>The runner-up must score below this share of the best topic for the best to count as clear.</summary>
    [Range(0.1, 1.0)]
    public double ClearMargin { get; set; } = 0.8;
}
