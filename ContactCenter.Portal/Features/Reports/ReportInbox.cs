using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Tells the circuits on this instance that someone's inbox changed (a report addressed to them was built, or they
/// read one), so the badge in the navigation follows without polling. Other instances' circuits catch up on their
/// next navigation.
/// </summary>
public sealed class ReportInbox(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Raised with the user ids whose inbox changed; null means "anyone's" (a report was built).</summary>
    public event Action<IReadOnlyCollection<string>?>? Changed;

    public async Task MarkReadAsync(string userId, Guid reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var marked = await db.ReportRecipients
            .Where(r => r.ReportId == reportId && r.UserId == userId && r.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReadAt, (DateTimeOffset?)now), cancellationToken);
        if (marked > 0)
        {
            Changed?.Invoke([userId]);
        }
    }

    public void NotifyBuilt() => Changed?.Invoke(null);
}
