using ContactCenter.Domain.Common;
using ContactCenter.Domain.Deadlines;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Admin;

public sealed record SaveCalendarDayCommand(DateOnly? Date, CalendarDayKind Kind, string Name);

/// <summary>Adds a holiday, an extra day off or a transferred working day; a date already in the calendar is replaced.</summary>
public sealed class SaveCalendarDay(IDbContextFactory<ContactCenterDbContext> dbFactory, ILogger<SaveCalendarDay> logger)
{
    public async Task<AdminResult> HandleAsync(SaveCalendarDayCommand command, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!AdminAccess.IsAdmin(actor))
        {
            logger.LogWarning("Calendar change refused to {Actor} ({Role})", actor.Id, actor.Role);
            return AdminErrors.NotAdmin;
        }

        var name = command.Name?.Trim() ?? string.Empty;
        var errors = new List<Error>();
        if (command.Date is not { } date)
        {
            errors.Add(AdminErrors.Field("date", "Вкажіть дату."));
        }
        else if (command.Kind == CalendarDayKind.WorkingDay && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            errors.Add(AdminErrors.Field("kind", $"{date:dd.MM.yyyy} — будній день: робочим днем внаслідок перенесення буває лише субота чи неділя."));
        }

        if (!Enum.IsDefined(command.Kind))
        {
            errors.Add(AdminErrors.Field("kind", "Оберіть вид дня."));
        }

        if (name.Length == 0)
        {
            errors.Add(AdminErrors.Field("name", "Вкажіть назву (наприклад, «День Конституції України» або «Перенесення робочого дня»)."));
        }
        else if (name.Length > 200)
        {
            errors.Add(AdminErrors.Field("name", "Назва — не довше 200 символів."));
        }

        if (errors.Count > 0)
        {
            return new AdminResult(errors);
        }

        var day = command.Date!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == day, cancellationToken);
        if (row is null)
        {
            db.CalendarDays.Add(new CalendarDayRow { Date = day, Kind = command.Kind, Name = name });
        }
        else
        {
            row.Kind = command.Kind;
            row.Name = name;
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Calendar day {Date} {Change} as {Kind} «{Name}» by {Actor} ({ActorName})",
            day, row is null ? "added" : "changed", command.Kind, name, actor.Id, actor.Name);
        return AdminResult.Ok;
    }
}
