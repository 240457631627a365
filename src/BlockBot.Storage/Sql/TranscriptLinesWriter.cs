using System.Data.Common;
using BlockBot.Conversation.Transcripts;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>Writes a turn's <see cref="TranscriptLinesKept"/> into <c>transcript_line</c>, in the order they were said.</summary>
public sealed class TranscriptLinesWriter : TurnRecordWriter<TranscriptLinesKept>
{
    protected override Task WriteAsync(TranscriptLinesKept record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO transcript_line (customer_key, at, direction, text) VALUES (@CustomerKey, @At, @Direction, @Text)",
            record.Lines.Select(line => new
            {
                CustomerKey = line.Customer.Key,
                At = SqlValues.TimeText(line.At),
                Direction = SqlTranscripts.DirectionText(line.Direction),
                line.Text,
            }),
            transaction,
            cancellationToken: cancellationToken));
}
