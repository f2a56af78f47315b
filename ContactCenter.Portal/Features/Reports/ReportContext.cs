using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>What every report writer needs besides its cards: the run, the names, the links and the build time.</summary>
public sealed record ReportContext(ReportRun Run, ReportDirectory Directory, ReportLinks Links, DateTimeOffset BuiltAt)
{
    public string Title => ReportBuilder.TitleOf(Run.Kind);

    public string ScopeName => Directory.ScopeName(Run.Scope);

    public string FileName(string extension) => ReportNaming.FileName(Run, Directory.ShortScopeName(Run.Scope), extension);

    public ReportWorkbook NewWorkbook() => new(Title, ScopeName, Run.Period, BuiltAt, Links);

    /// <summary>The figures of <paramref name="scope"/>: the one calculation, with redirects charged to the executor a card left.</summary>
    public ComplianceFigures Figures(IEnumerable<ReportCard> cards, ReportingPeriod period, ReportScope scope) =>
        ComplianceCalculator.Compute(cards.Select(c => c.Facts), period, scope, Directory.DirectionOfExecutor);
}
