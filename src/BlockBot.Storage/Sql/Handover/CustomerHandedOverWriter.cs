using System.Data.Common;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sql.Domain;
using BlockBot.Storage.Turns;
using Dapper;

namespace BlockBot.Storage.Sql.Handover;

/// <summary>
/// Saves a <see cref="CustomerHandedOver"/> with the accepting turn: the code is used up (a second turn with the same
/// code fails and is not saved), the old customer's cases, tickets, queued events and transcript become the new
/// customer's, and <c>customer_move</c> sends whatever is still addressed to the old customer to the new one.
/// </summary>
public sealed class CustomerHandedOverWriter(TimeProvider time) : TurnRecordWriter<CustomerHandedOver>
{
    protected override async Task WriteAsync(CustomerHandedOver record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var used = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM handover_code WHERE code = @Code AND customer_key = @From",
            new { record.Code, From = record.From.Key },
            transaction,
            cancellationToken: cancellationToken));
        if (used != 1)
        {
            throw new InvalidOperationException("The handover code was used by another turn.");
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE support_case SET customer_key = @To WHERE customer_key = @From;
            UPDATE handoff_ticket SET customer_key = @To WHERE customer_key = @From;
            UPDATE queued_event SET customer_key = @To WHERE customer_key = @From;
            UPDATE transcript_line SET customer_key = @To WHERE customer_key = @From;
            UPDATE customer_move SET to_key = @To WHERE to_key = @From;
            INSERT INTO customer_move (from_key, to_key, moved_at) VALUES (@From, @To, @At)
            ON CONFLICT (from_key) DO UPDATE SET to_key = excluded.to_key, moved_at = excluded.moved_at;
            """,
            new { From = record.From.Key, To = record.To.Key, At = SqlValues.TimeText(time.GetUtcNow()) },
            transaction,
            cancellationToken: cancellationToken));
    }
}
