using Microsoft.Extensions.Caching.Memory;

namespace BlockBot.Storage.Sql;

/// <summary>
/// The state documents this process last committed, so that a turn reads its conversation's and user's state without
/// a query: on SQLite this process is the file's only writer, and every state write goes through
/// <see cref="SqlStorage"/>, which tells the cache what each committed transaction wrote. Filled only by commits,
/// never by reads, so a read that raced a commit cannot put an older document back. Bounded by the documents' total
/// length; a document the cache let go is read from the file again.
/// </summary>
internal sealed class StateDocumentCache : IDisposable
{
    /// <summary>About 8 MB of documents: the dialog state and profile of some 3,000 recent conversations.</summary>
    internal const long MostCharacters = 4 * 1024 * 1024;

    private readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MostCharacters });

    /// <summary>
    /// Held from a state-writing transaction's start until the cache has learnt its outcome, so the cache learns
    /// commits in the order SQLite made them (SQLite admits one writer at a time anyway).
    /// </summary>
    public SemaphoreSlim WriteOrder { get; } = new(1, 1);

    public bool TryGet(string key, out CachedStateDocument document) => _documents.TryGetValue(key, out document!);

    /// <summary>Learns what a committed transaction wrote: a document replaces the cached one, a deletion removes it.</summary>
    public void Committed(IEnumerable<StateWrite> writes)
    {
        foreach (var write in writes)
        {
            if (write.Document is null)
            {
                _documents.Remove(write.Key);
            }
            else
            {
                _documents.Set(write.Key, new CachedStateDocument(write.Document, write.NewETag), new MemoryCacheEntryOptions { Size = write.Document.Length });
            }
        }
    }

    /// <summary>Forgets keys whose stored document is not known for sure, as after a failed transaction.</summary>
    public void Forget(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            _documents.Remove(key);
        }
    }

    public void Dispose() => _documents.Dispose();
}
