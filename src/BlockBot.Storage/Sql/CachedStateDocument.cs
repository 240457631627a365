namespace BlockBot.Storage.Sql;

/// <summary>A committed state document and the ETag it was stored with (null for last-write-wins state).</summary>
internal sealed record CachedStateDocument(string Document, string? ETag);
