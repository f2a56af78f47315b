using ContactCenter.Infrastructure.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Infrastructure.Persistence.Configurations;

internal sealed class ArchivedReportConfiguration : IEntityTypeConfiguration<ArchivedReport>
{
    public void Configure(EntityTypeBuilder<ArchivedReport> b)
    {
        b.ToTable("Reports");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.PeriodKind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ScopeKind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ScopeName).HasMaxLength(300);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Origin).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.RequestedById).HasMaxLength(450);
        b.Property(e => e.RequestedByName).HasMaxLength(200);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Attempts).IsConcurrencyToken();
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.StoredName).HasMaxLength(255);
        b.Property(e => e.Error).HasMaxLength(2000);

        // The exactly-once guarantee (design decision 7): one row per run, on every provider. The community's scope id
        // is Guid.Empty rather than NULL, because PostgreSQL and SQLite let any number of NULLs through a unique index.
        b.HasIndex(e => new { e.Kind, e.PeriodFrom, e.PeriodTo, e.ScopeKind, e.ScopeId })
            .IsUnique()
            .HasDatabaseName("IX_Reports_Run");

        // The archive's list, newest first; the catch-up's "what did the schedule last handle"; retries of failed runs.
        b.HasIndex(e => e.PeriodFrom);
        b.HasIndex(e => e.DueAt);
        b.HasIndex(e => new { e.Status, e.ClaimedAt });
    }
}

internal sealed class ReportRecipientConfiguration : IEntityTypeConfiguration<ReportRecipient>
{
    public void Configure(EntityTypeBuilder<ReportRecipient> b)
    {
        b.ToTable("ReportRecipients");
        b.HasKey(e => new { e.ReportId, e.UserId });
        b.Property(e => e.UserId).HasMaxLength(450);
        b.HasOne<ArchivedReport>().WithMany().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);

        // The inbox badge: a person's unread reports.
        b.HasIndex(e => new { e.UserId, e.ReadAt });
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.ToTable("RetentionRuns");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasIndex(e => e.RanAt);
    }
}

internal sealed class ClosedMonthConfiguration : IEntityTypeConfiguration<ClosedMonth>
{
    public void Configure(EntityTypeBuilder<ClosedMonth> b)
    {
        b.ToTable("ClosedMonths");

        // The claim: a month is kept once in the whole cluster.
        b.HasKey(e => new { e.Year, e.Month });
        b.Property(e => e.Year).ValueGeneratedNever();
        b.Property(e => e.Month).ValueGeneratedNever();
    }
}

internal sealed class ClosedMonthFiguresConfiguration : IEntityTypeConfiguration<ClosedMonthFigures>
{
    public void Configure(EntityTypeBuilder<ClosedMonthFigures> b)
    {
        b.ToTable("ClosedMonthFigures");
        b.HasKey(e => new { e.Year, e.Month, e.ExecutorId });
        b.HasOne<ClosedMonth>().WithMany().HasForeignKey(e => new { e.Year, e.Month }).OnDelete(DeleteBehavior.Cascade);
    }
}
