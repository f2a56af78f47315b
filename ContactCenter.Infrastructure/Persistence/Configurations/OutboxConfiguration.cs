using ContactCenter.Infrastructure.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Infrastructure.Persistence.Configurations;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> b)
    {
        b.ToTable("OutboxEvents");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedOnAdd();
        b.Property(e => e.RegistrationNumber).HasMaxLength(20);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Status).HasMaxLength(30);
        b.HasIndex(e => e.OccurredAt);
    }
}
