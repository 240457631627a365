using BlockBot.Desk.Accounts;
using Dapper;

namespace BlockBot.Storage.Desk;

/// <summary><see cref="IDeskKeyStore"/> in <c>desk_key</c>. Synchronous like the Data Protection interface it serves.</summary>
public sealed class SqlDeskKeyStore(IDbConnectionFactory connections) : IDeskKeyStore
{
    public IReadOnlyList<string> ReadAll()
    {
        using var connection = Open();
        return connection.Query<string>("SELECT xml FROM desk_key ORDER BY name").ToList();
    }

    public void Store(string name, string xml)
    {
        using var connection = Open();
        connection.Execute("INSERT INTO desk_key (name, xml) VALUES (@Name, @Xml) ON CONFLICT (name) DO NOTHING", new { Name = name, Xml = xml });
    }

    // Data Protection calls in synchronously, at start and about once a day; there is no asynchronous path to take.
    private System.Data.Common.DbConnection Open() => connections.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
}
