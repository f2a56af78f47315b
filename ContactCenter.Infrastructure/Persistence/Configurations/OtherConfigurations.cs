using ContactCenter.Domain.Intake;
using ContactCenter.Domain.RepairWorks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Infrastructure.Persistence.Configurations;

internal sealed class RepairWorkConfiguration : IEntityTypeConfiguration<RepairWork>
{
    public void Configure(EntityTypeBuilder<RepairWork> b)
    {
        b.ToTable("RepairWorks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Version).IsConcurrencyToken();
        b.Ignore(e => e.DomainEvents);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Service).HasConversion<string>().HasMaxLength(30);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Description).HasMaxLength(2000);
        b.Property(e => e.ClosingNote).HasMaxLength(2000);
        b.Property(e => e.RegisteredById).HasMaxLength(450);
        b.Property(e => e.RegisteredByName).HasMaxLength(200);
        b.PrimitiveCollection(e => e.Addresses).HasField("addresses").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Operators and the public outage page read the works that are not finished yet.
        b.HasIndex(e => new { e.Status, e.PlannedStart });
        b.HasIndex(e => new { e.ExecutorId, e.Status });
    }
}

internal sealed class ApplicantBlockConfiguration : IEntityTypeConfiguration<ApplicantBlock>
{
    public void Configure(EntityTypeBuilder<ApplicantBlock> b)
    {
        b.ToTable("ApplicantBlocks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Ignore(e => e.IsActive);
        b.Property(e => e.Phone).HasMaxLength(20);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.Reason).HasMaxLength(2000);
        b.Property(e => e.BlockedById).HasMaxLength(450);
        b.Property(e => e.BlockedByName).HasMaxLength(200);
        b.Property(e => e.LiftedByName).HasMaxLength(200);
        b.HasIndex(e => e.Phone);
        b.HasIndex(e => e.Email);
    }
}

internal sealed class RegistrationRefusalConfiguration : IEntityTypeConfiguration<RegistrationRefusal>
{
    public void Configure(EntityTypeBuilder<RegistrationRefusal> b)
    {
        b.ToTable("RegistrationRefusals");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasConversion<string>().HasMaxLength(40);
        b.Property(e => e.Explanation).HasMaxLength(2000);
        b.Property(e => e.Phone).HasMaxLength(30);
        b.Property(e => e.Email).HasMaxLength(254);
        b.Property(e => e.ApplicantName).HasMaxLength(300);
        b.Property(e => e.RefusedById).HasMaxLength(450);
        b.Property(e => e.RefusedByName).HasMaxLength(200);
        b.HasIndex(e => e.RefusedAt);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDayRow>
{
    public void Configure(EntityTypeBuilder<CalendarDayRow> b)
    {
        b.ToTable("CalendarDays");
        b.HasKey(e => e.Date);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Name).HasMaxLength(200);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Setting>
{
    public void Configure(EntityTypeBuilder<Setting> b)
    {
        b.ToTable("Settings");
        b.HasKey(e => e.Key);
        b.Property(e => e.Key).HasMaxLength(100);
        b.Property(e => e.Value).HasMaxLength(4000);
    }
}

internal sealed class RegistrationCounterConfiguration : IEntityTypeConfiguration<RegistrationCounter>
{
    public void Configure(EntityTypeBuilder<RegistrationCounter> b)
    {
        b.ToTable("RegistrationCounters");
        b.HasKey(e => e.Year);
        b.Property(e => e.Year).ValueGeneratedNever();
    }
}
