using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Transcripts;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Support.Transcripts;
using Dapper;

namespace BlockBot.Storage.Sql;

/// <summary>The <c>transcript_line</c> table (<c>010_transcript.sql</c>): read a page at a time, erased with the customer, pruned by age.</summary>
public sealed class SqlTranscripts(IDbConnectionFactory connections) : ITranscriptReader, ITranscriptEraser
{
    public async Task<IReadOnlyList<TranscriptLine>> ListForCustomerAsync(CustomerId customer, int limit, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string At, string Direction, string Text)>(new CommandDefinition(
            $"""
            SELECT at, direction, text FROM transcript_line
            WHERE customer_key = @CustomerKey{(before is null ? "" : " AND at < @Before")}
            ORDER BY id DESC LIMIT @Limit
            """,
            new { CustomerKey = customer.Key, Before = SqlValues.TimeText(before), Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Reverse().Select(r => new TranscriptLine(customer, SqlValues.ParseTime(r.At), ParseDirection(r.Direction), r.Text)).ToList();
    }

    public async Task EraseAsync(CustomerId customer, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM transcript_line WHERE customer_key = @CustomerKey",
            new { CustomerKey = customer.Key },
            cancellationToken: cancellationToken));
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM transcript_line WHERE id IN
                (SELECT id FROM transcript_line WHERE at < @Cutoff ORDER BY at LIMIT @BatchSize)
            """,
            new { Cutoff = SqlValues.TimeText(cutoff), BatchSize = batchSize },
            cancellationToken: cancellationToken));
    }

    internal static string DirectionText(TranscriptDirection direction) => direction switch
    {
        TranscriptDirection.In => "in",
        TranscriptDirection.Out => "out",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "Not a transcript direction."),
    };

    private static TranscriptDirection ParseDirection(string text) => text switch
    {
        "in" => TranscriptDirection.In,
        "out" => TranscriptDirection.Out,
        _ => throw new FormatException($"Not a transcript direction: '{text}'."),
    };
}
