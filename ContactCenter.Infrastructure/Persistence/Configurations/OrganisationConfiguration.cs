using ContactCenter.Domain.Classification;
using ContactCenter.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Infrastructure.Persistence.Configurations;

internal sealed class DirectionConfiguration : IEntityTypeConfiguration<Direction>
{
    public void Configure(EntityTypeBuilder<Direction> b)
    {
        b.ToTable("Directions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.DeputyName).HasMaxLength(200);
        b.Property(e => e.DeputyUserId).HasMaxLength(450);
    }
}

internal sealed class ExecutorConfiguration : IEntityTypeConfiguration<Executor>
{
    public void Configure(EntityTypeBuilder<Executor> b)
    {
        b.ToTable("Executors");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.ShortName).HasMaxLength(100);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.HeadName).HasMaxLength(200);
        b.Property(e => e.HeadEmail).HasMaxLength(254);
        b.Property(e => e.Phone).HasMaxLength(30);
        b.HasOne<Direction>().WithMany().HasForeignKey(e => e.DirectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => e.DirectionId);
    }
}

internal sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> b)
    {
        b.ToTable("Territories");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.PrimitiveCollection(e => e.Settlements).HasField("settlements").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClassifierSectionConfiguration : IEntityTypeConfiguration<ClassifierSection>
{
    public void Configure(EntityTypeBuilder<ClassifierSection> b)
    {
        b.ToTable("ClassifierSections");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Code).HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(300);
        b.HasOne<ClassifierSection>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClassifierProblemConfiguration : IEntityTypeConfiguration<ClassifierProblem>
{
    public void Configure(EntityTypeBuilder<ClassifierProblem> b)
    {
        b.ToTable("ClassifierProblems");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Code).HasMaxLength(20);
        b.HasIndex(e => e.Code).IsUnique();
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.Keywords).HasMaxLength(1000);
        b.ComplexProperty(e => e.Term, t =>
        {
            t.Property(x => x.Value).HasColumnName("TermValue");
            t.Property(x => x.Unit).HasColumnName("TermUnit").HasConversion<string>().HasMaxLength(10);
        });
        b.HasOne<ClassifierSection>().WithMany().HasForeignKey(e => e.SectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Executor>().WithMany().HasForeignKey(e => e.DefaultExecutorId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(e => e.Routes, r =>
        {
            r.ToTable("ClassifierRoutes");
            r.WithOwner().HasForeignKey("ProblemId");
            r.HasKey("ProblemId", nameof(Domain.Classification.TerritoryRoute.TerritoryId));
        });
        b.Navigation(e => e.Routes).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
