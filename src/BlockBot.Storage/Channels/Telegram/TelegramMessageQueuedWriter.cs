using System.Data.Common;
using BlockBot.Channels.Telegram.Sending;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>Queues a turn's <see cref="TelegramMessageQueued"/> in <c>telegram_outbox</c>.</summary>
public sealed class TelegramMessageQueuedWriter(TimeProvider time) : TurnRecordWriter<TelegramMessageQueued>
{
    protected override Task WriteAsync(TelegramMessageQueued record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        TelegramRows.QueueAsync(connection, transaction, [record.Message], TelegramRows.TimeText(time.GetUtcNow()), cancellationToken);
}
