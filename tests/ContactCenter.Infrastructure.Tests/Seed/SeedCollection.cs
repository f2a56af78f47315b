namespace ContactCenter.Infrastructure.Tests.Seed;

/// <summary>The seed tests write whole databases; run them one after another so the seed time is measured alone.</summary>
[CollectionDefinition(Name)]
public sealed class SeedCollection
{
    public const string Name = "Seed";
}
