using System.ComponentModel.DataAnnotations;

namespace BlockBot.Conversation.Understanding;

/// <summary>
/// Where the bot draws the lines between answering, asking back and not understanding. The scores come from
/// <c>questions calibrate</c> (cross-validation over the questions file); the margin is a choice (docs/decisions/0009).
/// </summary>
public sealed class UnderstandingOptions
{
    public const string Section = "BlockBot:Understanding";

    /// <summary>A topic scoring at least this, clearly ahead of the next one, is answered.</summary>
    [Range(0.01, 1.0)]
    public double ConfidentScore { get; set; } = 0.07;

    /// <summary>Below <see cref="ConfidentScore"/> but at least this: "Did you mean…".</summary>
    [Range(0.01, 1.0)]
    public double UnsureScore { get; set; } = 0.07;

    /// <summary>
    /// The runner-up must score below this share of the best topic for the best to count as clear; closer than that,
    /// the customer is asked which they meant.
    /// </summary>
    [Range(0.1, 1.0)]
    public double ClearMargin { get; set; } = 0.95;

    /// <summary>
    /// In a near tie, the topic whose examples use the message's words at least e^this times likelier is answered
    /// without asking back (<see cref="NearTie"/>); <c>questions calibrate</c> picks it.
    /// </summary>
    [Range(0.0, 100.0)]
    public double TieBreakLeaning { get; set; } = 4;
}
