using System.Data.Common;
using BlockBot.Channels.Telegram.Inbox;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Channels.Telegram;

/// <summary>Marks a turn's <see cref="TelegramUpdateHandled"/> update handled in <c>telegram_update</c>.</summary>
public sealed class TelegramUpdateHandledWriter(TimeProvider time) : TurnRecordWriter<TelegramUpdateHandled>
{
    protected override Task WriteAsync(TelegramUpdateHandled record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        TelegramRows.MarkHandledAsync(connection, transaction, record.UpdateId, TelegramRows.TimeText(time.GetUtcNow()), cancellationToken);
}
