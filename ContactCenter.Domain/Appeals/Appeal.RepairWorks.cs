using ContactCenter.Domain.Common;

namespace ContactCenter.Domain.Appeals;

// §3.1: a card caused by repair works is linked to them, so closing the works reminds the executor of the card.
public sealed partial class Appeal
{
    /// <summary>
    /// Links the card to repair works: the card's executor side or the Department, while the card is open, once per work.
    /// <paramref name="description"/> is how the works read in the card's history (service, addresses, time).
    /// </summary>
    public Result LinkRepairWork(Actor actor, DateTimeOffset now, Guid repairWorkId, string description)
    {
        if ((CheckExecutorSide(actor) ?? CheckOpenForLink()) is { } error)
        {
            return error;
        }

        if (repairWorkId == Guid.Empty)
        {
            return AppealErrors.RepairWorkRequired;
        }

        if (repairLinks.Any(l => l.RepairWorkId == repairWorkId))
        {
            return AppealErrors.RepairWorkAlreadyLinked;
        }

        repairLinks.Add(new AppealRepairLink(repairWorkId, actor, now));
        var what = Shorten(string.IsNullOrWhiteSpace(description) ? "ремонтні роботи" : description.Trim());
        Record(actor, now, TimelineKind.RepairWorkLinked, $"Звернення пов'язано з ремонтними роботами: {what}", null, what);
        Raise(AppealChangeKind.RepairWorksChanged, now);
        return Common.Result.Success();
    }

    /// <summary>Removes a link made by mistake, on the same conditions as linking.</summary>
    public Result UnlinkRepairWork(Actor actor, DateTimeOffset now, Guid repairWorkId, string description)
    {
        if ((CheckExecutorSide(actor) ?? CheckOpenForLink()) is { } error)
        {
            return error;
        }

        var link = repairLinks.FirstOrDefault(l => l.RepairWorkId == repairWorkId);
        if (link is null)
        {
            return AppealErrors.RepairWorkNotLinked;
        }

        repairLinks.Remove(link);
        var what = Shorten(string.IsNullOrWhiteSpace(description) ? "ремонтні роботи" : description.Trim());
        Record(actor, now, TimelineKind.RepairWorkUnlinked, $"Знято зв'язок з ремонтними роботами: {what}", what, null);
        Raise(AppealChangeKind.RepairWorksChanged, now);
        return Common.Result.Success();
    }

    private Error? CheckOpenForLink() => IsOpen ? null : AppealErrors.NotOpenForLink;

    // Timeline values are limited in length; the full text is in the entry itself.
    private static string Shorten(string text) => text.Length <= 500 ? text : text[..497] + "...";
}
