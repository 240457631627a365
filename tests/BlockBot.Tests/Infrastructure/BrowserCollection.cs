namespace BlockBot.Tests.Infrastructure;

/// <summary>Tests that share the one <see cref="BrowserFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
