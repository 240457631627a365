using System.Data.Common;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>
/// Marks a turn's <see cref="TelegramUpdateHandled"/> update handled in <c>telegram_update</c>, recording it handled when
/// it was never recorded (handed over by polling).
/// </summary>
public sealed class TelegramUpdateHandledWriter(TimeProvider time) : TurnRecordWriter<TelegramUpdateHandled>
{
    protected override Task WriteAsync(TelegramUpdateHandled record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var now = TelegramRows.TimeText(time.GetUtcNow());
        return record.Unrecorded is { } update
            ? TelegramRows.RecordHandledAsync(connection, transaction, update, now, cancellationToken)
            : TelegramRows.MarkHandledAsync(connection, transaction, record.UpdateId, now, cancellationToken);
    }
}
