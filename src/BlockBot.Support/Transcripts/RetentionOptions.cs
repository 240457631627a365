using System.ComponentModel.DataAnnotations;

namespace BlockBot.Support.Transcripts;

/// <summary><c>BlockBot:Retention</c>: how long what customers said is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "BlockBot:Retention";

    /// <summary>How long a transcript line is kept; older lines are deleted by <see cref="TranscriptRetentionService"/>.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public TimeSpan Transcripts { get; set; } = TimeSpan.FromDays(90);
}
