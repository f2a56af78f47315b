namespace ContactCenter.Portal.Features.Reports;

/// <summary>A built report: the file as it is archived, downloaded and attached to letters.</summary>
public sealed record ReportFile(string FileName, string ContentType, byte[] Content)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
}
