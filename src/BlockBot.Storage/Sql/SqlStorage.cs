using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using BlockBot.Conversation.Abstractions;
using BlockBot.Conversation.Turns;
using BlockBot.Storage.Sqlite;
using Dapper;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BlockBot.Storage.Sql;

/// <summary>
/// Bot Builder <see cref="IStorage"/> over the <c>bot_state</c> table, with MemoryStorage's ETag contract:
/// plain objects are last-write-wins; an <see cref="IStoreItem"/> (or a JObject with an "ETag") overwrites an
/// existing item only when its ETag is the stored one or <c>"*"</c>, and gets a new ETag on every write.
/// A refused write throws <see cref="StorageConflictException"/> and changes nothing of that call.
/// </summary>
/// <remarks>
/// The ETag is checked inside the UPSERT itself, so two processes sharing the database cannot both win.
/// Like MemoryStorage, a write leaves the ETag on the caller's object as it was (Bot Builder's conformance tests
/// count on the written object going stale): read again to learn the new one. On SQLite the documents this process
/// committed are read from memory (<see cref="StateDocumentCache"/>): the file has one writing process there.
/// </remarks>
public sealed class SqlStorage(IDbConnectionFactory connections, TimeProvider timeProvider, ILogger<SqlStorage> logger) : IStorage, IDisposable
{
    private const string ETagProperty = "ETag";

    private const string UpsertSql = """
        INSERT INTO bot_state (key, etag, document, updated_at)
        VALUES (@Key, @NewETag, @Document, @UpdatedAt)
        ON CONFLICT (key) DO UPDATE SET
            etag = excluded.etag, document = excluded.document, updated_at = excluded.updated_at
        WHERE @CheckETag = 0 OR bot_state.etag IS NULL OR @ExpectedETag = '*' OR bot_state.etag = @ExpectedETag
        """;

    private const string DeleteSql = "DELETE FROM bot_state WHERE key = @Key";

    private static readonly KeptStatement KeptUpsert = new(UpsertSql, "@Key", "@NewETag", "@Document", "@UpdatedAt", "@CheckETag", "@ExpectedETag");

    private static readonly KeptStatement KeptDelete = new(DeleteSql, "@Key");

    /// <summary>A state document's usual length and more: the dialog stack and a profile come to 0.5–1.5 K characters.</summary>
    private const int KeptBuilderCharacters = 4096;

    [ThreadStatic]
    private static StringWriter? t_text;

    /// <summary>Only on SQLite, whose file has one writing process; on PostgreSQL other instances write too.</summary>
    private readonly StateDocumentCache? _cache = connections.Provider == StorageProvider.Sqlite ? new StateDocumentCache() : null;

    /// <summary>
    /// The one SQL difference between the providers here: Dapper expands a list into <c>IN (...)</c> for SQLite,
    /// but hands Npgsql the array itself, which PostgreSQL compares with <c>= ANY</c>.
    /// </summary>
    /// <summary>
    /// The document each state dictionary handed out was read from, so that a turn's save can tell an unchanged state by
    /// its text and leave its row alone (<see cref="Prepare"/>). Entries go with the dictionaries.
    /// </summary>
    private readonly ConditionalWeakTable<object, string> _readFrom = [];

    private string KeyIsOneOf => connections.Provider == StorageProvider.Postgres ? "key = ANY(@Keys)" : "key IN @Keys";

    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var items = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        var unread = new List<string>(keys.Length);
        foreach (var key in keys.Length == 1 ? keys : keys.Distinct(StringComparer.Ordinal).ToArray())
        {
            if (_cache is not null && _cache.TryGet(key, out var cached))
            {
                Add(items, key, cached.Document, cached.ETag);
            }
            else
            {
                unread.Add(key);
            }
        }

        if (unread.Count == 0)
        {
            return items;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Key, string? ETag, string Document)>(new CommandDefinition(
            $"SELECT key, etag, document FROM bot_state WHERE {KeyIsOneOf}",
            new { Keys = unread.ToArray() },
            cancellationToken: cancellationToken));

        foreach (var (key, etag, document) in rows)
        {
            Add(items, key, document, etag);
        }

        return items;
    }

    private void Add(Dictionary<string, object> items, string key, string document, string? etag)
    {
        if (Deserialize(document) is { } value)
        {
            if (value is IDictionary<string, object>)
            {
                _readFrom.AddOrUpdate(value, document);
            }

            items[key] = WithETag(value, etag);
        }
    }

    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            return;
        }

        // Serialise everything first: a refused type fails the call before anything is written.
        var updatedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var writes = changes.Select(change => PrepareWrite(change.Key, change.Value, updatedAt)).ToList();
        await CommitInOrderAsync(writes.Select(write => write.Key), async () =>
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            // Microsoft.Data.Sqlite begins non-deferred (BEGIN IMMEDIATE): the write lock is taken up front, so the
            // batch is all-or-nothing and a concurrent writer waits on the busy timeout instead of failing.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ApplyAsync(connection, transaction, writes, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return writes;
        });
    }

    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
        await CommitInOrderAsync(distinct, async () =>
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM bot_state WHERE {KeyIsOneOf}", new { Keys = distinct }, cancellationToken: cancellationToken));
            return distinct.Select(key => new StateWrite(key, null, null, null, 0, string.Empty)).ToList();
        });
    }

    /// <summary>
    /// Runs a transaction that writes state rows (<paramref name="commit"/> returns the rows it committed) and tells the
    /// document cache its outcome; when it fails, the cache forgets every key it may have written. On SQLite such
    /// transactions take turns within the process, so the cache learns them in the order they committed.
    /// </summary>
    internal async Task CommitInOrderAsync(IEnumerable<string> keys, Func<Task<IReadOnlyList<StateWrite>>> commit)
    {
        if (_cache is null)
        {
            await commit();
            return;
        }

        await _cache.WriteOrder.WaitAsync(CancellationToken.None);
        try
        {
            IReadOnlyList<StateWrite> committed;
            try
            {
                committed = await commit();
            }
            catch
            {
                _cache.Forget(keys);
                throw;
            }

            _cache.Committed(committed);
        }
        finally
        {
            _cache.WriteOrder.Release();
        }
    }

    /// <summary>
    /// Writes the prepared rows in the caller's transaction. On PostgreSQL the conditional ON CONFLICT update locks
    /// the row, so a concurrent writer of the key waits and then re-checks the ETag.
    /// </summary>
    internal async Task ApplyAsync(DbConnection connection, DbTransaction transaction, IEnumerable<StateWrite> writes, CancellationToken cancellationToken)
    {
        // The SQLite group commit's connection keeps these statements prepared (ADR 0020); elsewhere Dapper runs them.
        var writer = connection as SqliteWriterConnection;
        foreach (var write in writes)
        {
            if (write.Document is null)
            {
                await (writer is not null
                    ? writer.Command(KeptDelete, transaction, write.Key).ExecuteNonQueryAsync(cancellationToken)
                    : connection.ExecuteAsync(new CommandDefinition(DeleteSql, new { write.Key }, transaction, cancellationToken: cancellationToken)));
                continue;
            }

            var changed = await (writer is not null
                ? writer.Command(KeptUpsert, transaction, write.Key, write.NewETag, write.Document, write.UpdatedAt, write.CheckETag, write.ExpectedETag)
                    .ExecuteNonQueryAsync(cancellationToken)
                : connection.ExecuteAsync(new CommandDefinition(UpsertSql, write, transaction, cancellationToken: cancellationToken)));
            if (changed == 0)
            {
                logger.LogDebug("State write for {StorageKey} refused: ETag {ExpectedETag} is stale", write.Key, write.ExpectedETag);
                throw new StorageConflictException(write.Key, write.ExpectedETag);
            }
        }
    }

    /// <summary>
    /// The rows of a turn's state changes (<see cref="SqlTurnStore"/>), serialised before its transaction begins, so a
    /// refused type fails the turn's save before anything is written. A state dictionary whose text is the document it
    /// was read from has not changed and gets no row, as Bot Builder's BotState writes no unchanged state.
    /// </summary>
    internal IReadOnlyList<StateWrite> Prepare(IEnumerable<StateChange> changes)
    {
        var updatedAt = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var writes = new List<StateWrite>();
        foreach (var change in changes)
        {
            var write = PrepareWrite(change.Key, change.Value, updatedAt);
            if (!IsUnchanged(change.Value, write))
            {
                writes.Add(write);
            }
        }

        return writes;
    }

    private bool IsUnchanged(object? value, StateWrite write) =>
        value is not null && write.Document is not null && write.CheckETag == 0
        && _readFrom.TryGetValue(value, out var read) && string.Equals(read, write.Document, StringComparison.Ordinal);

    private static StateWrite PrepareWrite(string key, object? value, string updatedAt)
    {
        // A null value is stored by MemoryStorage as "nothing to read back"; here that is simply no row.
        if (value is null)
        {
            return new StateWrite(key, null, null, null, 0, updatedAt);
        }

        // Bot Builder's state is a dictionary with no ETag: written straight to text, without a JToken tree in between.
        if (value is IDictionary<string, object> state && !state.ContainsKey(ETagProperty))
        {
            return new StateWrite(key, Serialize(value), null, null, 0, updatedAt);
        }

        var token = JToken.FromObject(value, StateJson.Serializer);
        var (checkETag, expectedETag) = value switch
        {
            IStoreItem item => (true, item.ETag),
            JObject json when json.TryGetValue(ETagProperty, StringComparison.Ordinal, out var etag) => (true, etag.Type == JTokenType.Null ? null : (string?)etag),
            _ => (false, null),
        };

        // The column holds the ETag; a copy in the document could only go stale.
        if (token is JObject document)
        {
            document.Remove(ETagProperty);
        }

        return new StateWrite(
            key,
            token.ToString(Formatting.None),
            checkETag ? Guid.NewGuid().ToString("N") : null,
            expectedETag,
            checkETag ? 1 : 0,
            updatedAt);
    }

    private static string Serialize(object value)
    {
        // Every turn serialises its state: the text's builder is kept per thread rather than grown anew each time.
        var text = t_text ?? new StringWriter(new StringBuilder(KeptBuilderCharacters), CultureInfo.InvariantCulture);
        t_text = null;
        try
        {
            using var writer = new JsonTextWriter(text) { Formatting = Formatting.None, CloseOutput = false, ArrayPool = JsonCharArrayPool.Instance };
            StateJson.Serializer.Serialize(writer, value);
            writer.Flush();
            return text.ToString();
        }
        finally
        {
            var builder = text.GetStringBuilder();
            if (builder.Capacity <= KeptBuilderCharacters * 4)
            {
                builder.Clear();
                t_text = text;
            }
        }
    }

    private static object? Deserialize(string document)
    {
        using var reader = new JsonTextReader(new StringReader(document)) { ArrayPool = JsonCharArrayPool.Instance };
        return StateJson.Serializer.Deserialize(reader);
    }

    private static object WithETag(object value, string? etag)
    {
        if (etag is null)
        {
            return value;
        }

        switch (value)
        {
            case IStoreItem item:
                item.ETag = etag;
                break;
            case JObject json:
                json[ETagProperty] = etag;
                break;
        }

        return value;
    }

    public void Dispose() => _cache?.Dispose();
}
