using System.Data.Common;
using BlockBot.Channels.WebChat;
using BlockBot.Storage.Turns;

namespace BlockBot.Storage.Channels.WebChat;

/// <summary>Appends a turn's <see cref="WebChatActivityQueued"/> to its conversation in <c>webchat_activity</c>, in the turn's transaction.</summary>
public sealed class WebChatActivityQueuedWriter(SqlWebChatStore store) : TurnRecordWriter<WebChatActivityQueued>
{
    protected override Task WriteAsync(WebChatActivityQueued record, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        store.AppendAsync(connection, transaction, record.ConversationId, record.Json, cancellationToken);
}
