namespace ContactCenter.EndToEnd.Tests.Support;

/// <summary>The tests that share one running portal and one browser; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "Portal in a browser";
}
