using System.Data.Common;
using BlockBot.Conversation.Transcripts;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Sqlite;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>Writes a turn's <see cref="TranscriptLinesKept"/> into <c>transcript_line</c>, in the order they were said.</summary>
public sealed class TranscriptLinesWriter : TurnRecordWriter<TranscriptLinesKept>
{
    private const string InsertSql = "INSERT INTO transcript_line (customer_key, at, direction, text) VALUES (@CustomerKey, @At, @Direction, @Text)";

    private static readonly KeptStatement KeptInsert = new(InsertSql, "@CustomerKey", "@At", "@Direction", "@Text");

    protected override async Task WriteAsync(TranscriptLinesKept record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (connection is not SqliteWriterConnection writer)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                InsertSql,
                record.Lines.Select(line => new
                {
                    CustomerKey = line.Customer.Key,
                    At = SqlValues.TimeText(line.At),
                    Direction = SqlTranscripts.DirectionText(line.Direction),
                    line.Text,
                }),
                transaction,
                cancellationToken: cancellationToken));
            return;
        }

        foreach (var line in record.Lines)
        {
            await writer.Command(KeptInsert, transaction, line.Customer.Key, SqlValues.TimeText(line.At), SqlTranscripts.DirectionText(line.Direction), line.Text)
                .ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
