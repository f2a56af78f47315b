using ContactCenter.Domain.Appeals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Infrastructure.Persistence.Configurations;

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> b)
    {
        b.ToTable("Appeals");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.Applicant);
        b.Ignore(a => a.IsOpen);
        b.Ignore(a => a.IsInSerPlan);
        b.Ignore(a => a.DomainEvents);

        b.Property(a => a.Number).HasMaxLength(20);
        b.Property(a => a.Surname).HasMaxLength(100);
        b.Property(a => a.FirstName).HasMaxLength(100);
        b.Property(a => a.Patronymic).HasMaxLength(100);
        b.Property(a => a.ResidenceAddress).HasMaxLength(300);
        b.Property(a => a.Phone).HasMaxLength(20);
        b.Property(a => a.Email).HasMaxLength(254);
        b.Property(a => a.OtherContact).HasMaxLength(200);
        b.Property(a => a.Essence).HasMaxLength(Appeal.MaxTextLength);
        b.Property(a => a.ProblemAddress).HasMaxLength(300);
        b.Property(a => a.ProblemAddressKey).HasMaxLength(300);
        b.Property(a => a.RegisteredById).HasMaxLength(450);
        b.Property(a => a.RegisteredByName).HasMaxLength(200);
        b.Property(a => a.SerPlanName).HasMaxLength(300);
        b.Property(a => a.Resolution).HasMaxLength(Appeal.MaxTextLength);
        b.Property(a => a.CompetentBody).HasMaxLength(300);
        b.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Sign).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Privilege).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.AuthorCategory).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.Result).HasConversion<string>().HasMaxLength(40);
        b.Property(a => a.DepartmentControlReason).HasConversion<string>().HasMaxLength(30);

        // The card always points at real reference data; reference data is deactivated, never deleted.
        b.HasOne<ContactCenter.Domain.Organisation.Executor>().WithMany().HasForeignKey(a => a.ExecutorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContactCenter.Domain.Organisation.Direction>().WithMany().HasForeignKey(a => a.DirectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ContactCenter.Domain.Classification.ClassifierProblem>().WithMany().HasForeignKey(a => a.ProblemId).OnDelete(DeleteBehavior.Restrict);

        // Design decision 4 and scale-notes.md: the indexes the hot screens need.
        b.HasIndex(a => a.Number).IsUnique();
        b.Property(a => a.AccessToken).HasMaxLength(64);
        b.HasIndex(a => a.AccessToken).IsUnique();
        b.HasIndex(a => new { a.NumberYear, a.NumberSequence }).IsUnique();
        b.HasIndex(a => new { a.Phone, a.RegisteredAt });
        b.HasIndex(a => new { a.Email, a.RegisteredAt });
        b.HasIndex(a => new { a.ProblemId, a.ProblemAddressKey, a.RegisteredAt });

        // Open cards by executor and due date (the queue) and by direction (the deputy's dashboard): partial, so they
        // stay small as five years of closed cards pile up, and covering what the queue filters and orders by (status,
        // SER plan) and what the dashboards read, so both are read from the index alone.
        b.HasIndex(a => new { a.ExecutorId, a.DueAt, a.IsPrivileged, a.ExtensionCount, a.SerPlanIncludedAt, a.Status, a.DirectionId })
            .HasDatabaseName("IX_Appeals_Open_Executor_Due")
            .HasFilter(OpenFilter);
        // ClosedAt (always null in it) is there for SQLite: it counts an index as covering only when it holds every column the
        // query names, the filter's too, and otherwise reads each open card's row from the table as well.
        b.HasIndex(a => new { a.DirectionId, a.ExecutorId, a.DueAt, a.ExtensionCount, a.IsPrivileged, a.SerPlanIncludedAt, a.ClosedAt })
            .HasDatabaseName("IX_Appeals_Open_Direction_Executor_Due")
            .HasFilter(OpenFilter);

        // The monthly figures: received by executor and period; closed cards by executor and closing time.
        b.HasIndex(a => new { a.ExecutorId, a.RegisteredAt, a.DueAt, a.ClosedAt })
            .HasDatabaseName("IX_Appeals_Executor_Registered");
        b.HasIndex(a => new { a.ExecutorId, a.ClosedAt, a.DueAt, a.DirectionId })
            .HasDatabaseName("IX_Appeals_Closed_Executor")
            .HasFilter(ClosedFilter);
        b.HasIndex(a => a.RegisteredAt);

        // Measured on a generated Kyiv-size database (docs/performance.md, "Queries at Kyiv scale"):
        // the card page lists the repeats of a card (a handful at most), which without this read every card;
        // the dashboards' month-to-date figures and the monthly report read the cards closed since a date, whatever
        // their executor (PostgreSQL's choice for those; partial, so SQLite cannot take it for "ClosedAt IS NULL").
        b.HasIndex(a => a.RepeatOfId)
            .HasDatabaseName("IX_Appeals_RepeatOf")
            .HasFilter(RepeatFilter);
        b.HasIndex(a => new { a.ClosedAt, a.DirectionId, a.ExecutorId, a.ClosedOnTime })
            .HasDatabaseName("IX_Appeals_Closed_At")
            .HasFilter(ClosedFilter);

        // The dashboards count the month's closures per executor and verdict from the index alone: the whole city's from
        // IX_Appeals_Closed_At, a deputy's directions' from this one (a range per direction, not the city's month filtered).
        b.HasIndex(a => new { a.DirectionId, a.ClosedAt, a.ExecutorId, a.ClosedOnTime }, "IX_Appeals_Closed_Direction")
            .HasFilter(ClosedFilter);

        // The queue's page is read as ordered ranges — (executor, privileged or not, due date) for the overdue, the due
        // soon and the rest — stopping at the page size (QueueQuery); these deliver each range already in the queue's
        // order, so the first page of an executor with 10,000 open cards reads its 50 rows, not all 10,000 to sort them.
        // The cards in SER plans run against no term and are few; they have their own small index.
        b.HasIndex(a => new { a.ExecutorId, a.IsPrivileged, a.DueAt, a.Id }, "IX_Appeals_Open_Executor_Urgency")
            .HasFilter(RunningFilter);
        b.HasIndex(a => new { a.ExecutorId, a.IsPrivileged, a.DueAt, a.Id }, "IX_Appeals_SerPlan_Executor_Urgency")
            .HasFilter(SerPlanFilter);

        // A report of a past period reads the cards still open that were registered before its end: a range of the open
        // cards alone (without it SQLite walks IX_Appeals_RegisteredAt from the first card of five years on).
        b.HasIndex(a => a.RegisteredAt, "IX_Appeals_Open_Registered")
            .HasFilter(OpenFilter);

        b.HasMany(a => a.Timeline).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Performers).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Performers).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Attachments).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Requests).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Requests).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.DueDates).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.DueDates).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Redirects).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Redirects).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.Checks).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Checks).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(a => a.RepairLinks).WithOne().HasForeignKey("AppealId").OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.RepairLinks).UsePropertyAccessMode(PropertyAccessMode.Field);
    }

    // The filters are written in the syntax all three providers accept: quoted identifiers, IS NULL.
    internal const string OpenFilter = "\"ClosedAt\" IS NULL";
    internal const string ClosedFilter = "\"ClosedAt\" IS NOT NULL";
    internal const string RepeatFilter = "\"RepeatOfId\" IS NOT NULL";
    internal const string RunningFilter = "\"ClosedAt\" IS NULL AND \"SerPlanIncludedAt\" IS NULL";
    internal const string SerPlanFilter = "\"ClosedAt\" IS NULL AND \"SerPlanIncludedAt\" IS NOT NULL";
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.ToTable("TimelineEntries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property<Guid>("AppealId");
        b.HasIndex("AppealId", nameof(TimelineEntry.Ordinal));
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.ActorRole).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Text).HasMaxLength(Appeal.MaxTextLength + 500);
        b.Property(e => e.OldValue).HasMaxLength(500);
        b.Property(e => e.NewValue).HasMaxLength(500);
    }
}

internal sealed class PerformerAssignmentConfiguration : IEntityTypeConfiguration<PerformerAssignment>
{
    public void Configure(EntityTypeBuilder<PerformerAssignment> b)
    {
        b.ToTable("AppealPerformers");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserId).HasMaxLength(450);
        b.Property(e => e.Name).HasMaxLength(200);
        b.HasIndex(e => e.UserId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.ToTable("AppealAttachments");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Ignore(e => e.IsImage);
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.StoredName).HasMaxLength(255);
        b.Property(e => e.UploadedById).HasMaxLength(450);
        b.Property(e => e.UploadedByName).HasMaxLength(200);
    }
}

internal sealed class ExecutorRequestConfiguration : IEntityTypeConfiguration<ExecutorRequest>
{
    public void Configure(EntityTypeBuilder<ExecutorRequest> b)
    {
        b.ToTable("AppealRequests");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.ProposedResult).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.RequestedById).HasMaxLength(450);
        b.Property(e => e.RequestedByName).HasMaxLength(200);
        b.Property(e => e.DecidedById).HasMaxLength(450);
        b.Property(e => e.DecidedByName).HasMaxLength(200);
        b.Property(e => e.Justification).HasMaxLength(Appeal.MaxTextLength);
        b.Property(e => e.DecisionReason).HasMaxLength(Appeal.MaxTextLength);
        b.PrimitiveCollection(e => e.AttachmentIds).HasField("attachmentIds").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The Department's inbox: pending requests, oldest first.
        b.HasIndex(e => new { e.State, e.RequestedAt });
    }
}

internal sealed class DueDateRecordConfiguration : IEntityTypeConfiguration<DueDateRecord>
{
    public void Configure(EntityTypeBuilder<DueDateRecord> b)
    {
        b.ToTable("AppealDueDates");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(Appeal.MaxTextLength + 500);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);

        // The compliance facts read each card's due-date history: covering, so a month's ~100,000 cards are read from
        // the index alone (docs/performance.md, "Queries at Kyiv scale").
        b.HasIndex("AppealId", nameof(DueDateRecord.ChangedAt), nameof(DueDateRecord.DueAt), nameof(DueDateRecord.Kind))
            .HasDatabaseName("IX_AppealDueDates_AppealId_ChangedAt");
    }
}

internal sealed class RedirectRecordConfiguration : IEntityTypeConfiguration<RedirectRecord>
{
    public void Configure(EntityTypeBuilder<RedirectRecord> b)
    {
        b.ToTable("AppealRedirects");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(Appeal.MaxTextLength);
        b.HasIndex(e => new { e.FromExecutorId, e.At });
    }
}

internal sealed class QualityCheckConfiguration : IEntityTypeConfiguration<QualityCheck>
{
    public void Configure(EntityTypeBuilder<QualityCheck> b)
    {
        b.ToTable("AppealChecks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Note).HasMaxLength(Appeal.MaxTextLength);
        b.Property(e => e.CheckedById).HasMaxLength(450);
        b.Property(e => e.CheckedByName).HasMaxLength(200);
    }
}

internal sealed class AppealRepairLinkConfiguration : IEntityTypeConfiguration<AppealRepairLink>
{
    public void Configure(EntityTypeBuilder<AppealRepairLink> b)
    {
        b.ToTable("AppealRepairLinks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property<Guid>("AppealId");
        b.Property(e => e.LinkedById).HasMaxLength(450);
        b.Property(e => e.LinkedByName).HasMaxLength(200);

        // Repair works are closed, never deleted, while cards point at them.
        b.HasOne<ContactCenter.Domain.RepairWorks.RepairWork>().WithMany().HasForeignKey(e => e.RepairWorkId).OnDelete(DeleteBehavior.Restrict);

        // Completing works lists the cards linked to them; a card is linked to one work once.
        b.HasIndex(e => e.RepairWorkId);
        b.HasIndex("AppealId", nameof(AppealRepairLink.RepairWorkId)).IsUnique();
    }
}
