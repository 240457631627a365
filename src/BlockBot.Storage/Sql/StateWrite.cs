namespace BlockBot.Storage.Sql;

/// <summary>One prepared row of a <see cref="SqlStorage"/> write; a null document deletes the key.</summary>
/// <param name="CheckETag">1 when the value is an IStoreItem whose ETag must match the stored one.</param>
internal sealed record StateWrite(string Key, string? Document, string? NewETag, string? ExpectedETag, int CheckETag, string UpdatedAt);
