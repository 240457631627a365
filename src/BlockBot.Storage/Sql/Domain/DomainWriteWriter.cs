using System.Data.Common;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>Runs a <see cref="DomainWrite"/> in the transaction of the commit that carries it.</summary>
public sealed class DomainWriteWriter : TurnRecordWriter<DomainWrite>
{
    protected override Task WriteAsync(DomainWrite record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        record.Write(connection, transaction, cancellationToken);
}
