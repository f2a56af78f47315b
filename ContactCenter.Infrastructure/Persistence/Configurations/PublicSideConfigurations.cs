using ContactCenter.Infrastructure.Api;
using ContactCenter.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ContactCenter.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("ApiKeys");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Ignore(e => e.IsActive);
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.KeyHash).HasMaxLength(64);
        b.Property(e => e.CreatedByName).HasMaxLength(200);
        b.HasIndex(e => e.KeyHash).IsUnique();
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> b)
    {
        b.ToTable("OutgoingMails");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.To).HasMaxLength(254);
        b.Property(e => e.Subject).HasMaxLength(300);
        b.Property(e => e.Body).HasMaxLength(20000);
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.RegistrationNumber).HasMaxLength(20);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.Property(e => e.AttachmentFileName).HasMaxLength(255);
        b.Property(e => e.AttachmentContentType).HasMaxLength(100);
        b.Property(e => e.AttachmentStoredName).HasMaxLength(255);

        // The sender reads the letters not sent yet, oldest first.
        b.HasIndex(e => new { e.SentAt, e.CreatedAt });
    }
}
