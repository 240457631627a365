using System.Data.Common;
using BlockBot.Conversation.Turns;

namespace BlockBot.Storage.Sql.Domain;

/// <summary>
/// A write of the support domain (a case, a ticket, an outbox row) carried into a commit of the turn store
/// (<see cref="SqlDomainWrites"/>). Unlike other turn records it holds code, not data: the write runs in the commit's
/// transaction, and runs again if the commit is rolled back and retried, so it only writes and notes what it read back.
/// </summary>
public sealed record DomainWrite(Func<DbConnection, DbTransaction, CancellationToken, Task> Write) : TurnRecord;
