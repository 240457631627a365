namespace BlockBot.Desk.Accounts;

/// <summary>
/// Where the Data Protection key ring (what signs session cookies and antiforgery tokens) is kept, shared by every
/// instance; implemented by BlockBot.Storage. Synchronous, as Data Protection's <c>IXmlRepository</c> is: it is read at
/// start and when the ring is refreshed, written when a key is made (every 90 days).
/// </summary>
public interface IDeskKeyStore
{
    IReadOnlyList<string> ReadAll();

    /// <summary>Keeps a key's XML under its name; a name already kept is left as it is.</summary>
    void Store(string name, string xml);
}
