using ContactCenter.Domain.Reporting;

namespace ContactCenter.Portal.Features.Reports;

/// <summary>
/// The file of a run, as the archive needs it: the seam between delivering reports (claim, store, send) and their
/// content (<see cref="ReportBuilder"/>), so delivery is tested with builds that are slow, fail or crash half-way.
/// </summary>
public interface IReportContent
{
    /// <param name="progress">Percent of the build done, 0–100, when the builder can tell.</param>
    Task<ReportFile> BuildAsync(ReportRun run, IProgress<int>? progress, CancellationToken cancellationToken);
}

/// <summary>The workbooks and letters of <see cref="ReportBuilder"/>, the one entry point every report goes through.</summary>
public sealed class ReportBuilderContent(ReportBuilder builder) : IReportContent
{
    public async Task<ReportFile> BuildAsync(ReportRun run, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var file = await builder.BuildAsync(run, cancellationToken, progress);
        progress?.Report(100);
        return file;
    }
}
