using System.Data.Common;
using BlockBot.Channels.Bitrix24;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Channels.Bitrix24;

/// <summary>Writes a turn's <see cref="Bitrix24EventProcessed"/> mark into <c>bitrix24_processed</c>.</summary>
public sealed class Bitrix24EventProcessedWriter(SqlBitrix24Store store) : TurnRecordWriter<Bitrix24EventProcessed>
{
    protected override Task WriteAsync(Bitrix24EventProcessed record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        store.MarkProcessedAsync(connection, transaction, record.EventKey, cancellationToken);
}
