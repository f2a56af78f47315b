using ContactCenter.Domain.Reporting;
using ContactCenter.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// Builds the file of one report run: the one entry point the schedule, the archive and the Department's on-demand
/// builds call. It reads the cards of the run's period and scope, computes every figure with
/// <see cref="ComplianceCalculator"/> (so a number in a report is the number on a dashboard) and hands them to the
/// writer of the kind. Who may build or receive which report is decided by the callers.
/// </summary>
public sealed class ReportBuilder(IDbContextFactory<ContactCenterDbContext> dbFactory, TimeProvider clock, IConfiguration configuration)
{
    public static string TitleOf(ReportKind kind) => kind switch
    {
        ReportKind.DailyCompliance => "Щоденний звіт про виконання звернень",
        ReportKind.WeeklyCompliance => "Щотижневий звіт про виконання звернень",
        ReportKind.MonthlyCompliance => "Щомісячний звіт про виконання звернень",
        ReportKind.AnalyticalNote => "Аналітична довідка міському голові",
        ReportKind.WeeklyUnresolved => "Звіт про невирішені звернення",
        ReportKind.StateStatistics => "Статистика звернень громадян за класифікатором",
        ReportKind.HeadLetter => "Лист керівнику виконавця",
        ReportKind.Register => "Реєстр звернень",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <param name="progress">Percent done, for the long builds the Department starts from the page.</param>
    public async Task<ReportFile> BuildAsync(ReportRun run, CancellationToken cancellationToken = default, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Kind == ReportKind.HeadLetter && run.Scope.Kind != ScopeKind.Executor)
        {
            throw new ArgumentException("A letter goes to the head of one executor: its scope is an executor.", nameof(run));
        }

        var query = new ReportCardsQuery(dbFactory);
        var directory = await query.DirectoryAsync(cancellationToken);
        var context = new ReportContext(run, directory, new ReportLinks(configuration), clock.GetUtcNow());
        progress?.Report(5);

        if (run.Kind == ReportKind.Register)
        {
            var register = await new RegisterReport(dbFactory).WriteAsync(context, progress, cancellationToken);
            progress?.Report(100);
            return register;
        }

        if (run.Kind == ReportKind.StateStatistics)
        {
            var stateCards = await query.StateCardsAsync(run.Period, cancellationToken);
            progress?.Report(50);
            var statistics = StateStatisticsReport.Write(context, stateCards);
            progress?.Report(100);
            return statistics;
        }

        var span = run.Kind switch
        {
            ReportKind.DailyCompliance => DailyComplianceReport.MonthToDate(run.Period),
            ReportKind.AnalyticalNote => AnalyticalNoteReport.Span(run.Period),
            _ => run.Period,
        };
        var withHandling = run.Kind is ReportKind.WeeklyUnresolved or ReportKind.HeadLetter;
        var cards = await query.CardsAsync(span, run.Scope, directory, withHandling, cancellationToken);
        progress?.Report(50);
        cancellationToken.ThrowIfCancellationRequested();

        var file = run.Kind switch
        {
            ReportKind.DailyCompliance => DailyComplianceReport.Write(context, cards),
            ReportKind.WeeklyCompliance => WeeklyComplianceReport.Write(context, cards),
            ReportKind.MonthlyCompliance => MonthlyComplianceReport.Write(context, cards),
            ReportKind.AnalyticalNote => AnalyticalNoteReport.Write(context, cards),
            ReportKind.WeeklyUnresolved => UnresolvedReport.Write(context, cards),
            ReportKind.HeadLetter => HeadLetterReport.Write(context, cards),
            _ => throw new ArgumentOutOfRangeException(nameof(run), run.Kind, "Unknown report kind."),
        };
        progress?.Report(100);
        return file;
    }
}
