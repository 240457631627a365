using System.Diagnostics;
using System.Diagnostics.Metrics;
using BlockBot.Conversation.Diagnostics;
using Microsoft.Extensions.Logging;

namespace BlockBot.Channels.Telegram.Inbox;

/// <summary>
/// Where updates go that cannot be handled at all: kept in <c>telegram_quarantine</c> with the reason, counted on
/// <c>blockbot.updates.quarantined</c>, and logged once as a warning (the reason, never the payload).
/// </summary>
public sealed class TelegramQuarantine
{
    public const string Table = "telegram_quarantine";
    public const string MetricName = "blockbot.updates.quarantined";

    private readonly ITelegramStore _store;
    private readonly ILogger<TelegramQuarantine> _logger;
    private readonly Counter<long> _quarantined;

    public TelegramQuarantine(ITelegramStore store, BlockBotMetrics metrics, ILogger<TelegramQuarantine> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _store = store;
        _logger = logger;
        _quarantined = metrics.Meter.CreateCounter<long>(
            MetricName, "{update}", "Updates a channel could not handle at all and kept aside, by channel and reason");
    }

    /// <summary>Quarantines the update; one quarantined before (the same id, received again) is not counted again.</summary>
    public async Task PutAsync(long? updateId, UpdateProblem problem, string payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (!await _store.QuarantineAsync(updateId, problem, payload, cancellationToken))
        {
            return;
        }

        _quarantined.Add(1, new TagList { { "channel", TelegramAdapter.Channel }, { "reason", problem.Kind } });
        _logger.LogWarning(
            "Telegram update {UpdateId} cannot be handled ({Reason}); it is kept in {Table} and the next ones go on",
            updateId,
            problem,
            Table);
    }
}
