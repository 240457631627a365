using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace BlockBot.Desk.Accounts;

/// <summary>Data Protection's key ring in <see cref="IDeskKeyStore"/>.</summary>
public sealed class DeskKeyRepository(IDeskKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => store.ReadAll().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        store.Store(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
