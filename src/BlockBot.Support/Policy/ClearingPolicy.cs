using Microsoft.Extensions.Options;

namespace BlockBot.Support.Policy;

/// <summary>
/// When a line may be cleared next. Pure: it sees the line's clearing slots (the times of its
/// clearings and VM changes that are scheduled, open, taken or done) and the current moment, nothing else.
/// A line is the customer plus the line name (<see cref="Cases.LineKey"/>): we know no portal id, so the
/// customer stands in for the portal.
/// </summary>
public sealed class ClearingPolicy
{
    private readonly ClearingPolicyOptions _options;

    public ClearingPolicy(IOptions<ClearingPolicyOptions> options)
    {
        _options = options.Value;
    }

    /// <summary>
    /// The earliest moment at or after <paramref name="now"/> when one more clearing keeps every two slots at
    /// least <see cref="ClearingPolicyOptions.MinimumGap"/> apart and no window of
    /// <see cref="ClearingPolicyOptions.Window"/> holding more than <see cref="ClearingPolicyOptions.MaxPerWindow"/>.
    /// Equal to <paramref name="now"/> when a clearing is allowed at once.
    /// </summary>
    public DateTimeOffset EarliestAllowed(IReadOnlyCollection<DateTimeOffset> slots, DateTimeOffset now)
    {
        // Every stretch of forbidden time ends at a slot plus the gap or a slot plus the window, so the
        // earliest allowed moment is now or one of those ends; the latest of them is always allowed.
        var candidates = slots
            .SelectMany(slot => new[] { slot + _options.MinimumGap, slot + _options.Window })
            .Where(candidate => candidate > now)
            .Prepend(now)
            .Order();

        foreach (var candidate in candidates)
        {
            if (IsAllowed(slots, candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("No allowed clearing time was found; the policy options are inconsistent.");
    }

    /// <summary>Whether a clearing at <paramref name="moment"/> keeps the rule with the existing slots.</summary>
    public bool IsAllowed(IReadOnlyCollection<DateTimeOffset> slots, DateTimeOffset moment)
    {
        if (slots.Any(slot => (slot - moment).Duration() < _options.MinimumGap))
        {
            return false;
        }

        // Only windows that contain the new moment can change; the fullest of them starts at one of
        // the slots (or the moment) no later than the moment and less than a window before it.
        var all = slots.Append(moment).ToList();
        foreach (var start in all.Where(s => s <= moment && moment - s < _options.Window))
        {
            var end = start + _options.Window;
            if (all.Count(s => s >= start && s < end) > _options.MaxPerWindow)
            {
                return false;
            }
        }

        return true;
    }
}
