using Microsoft.Net.Http.Headers;

namespace ContactCenter.Portal.Features.Files;

/// <summary>
/// How the portal hands out a stored file (a card's attachment, a report): never cached by the browser or a proxy
/// (the files are personal or internal), never sniffed into another type, with the Ukrainian file name kept intact
/// (RFC 5987 <c>filename*</c>). The access check is the caller's, before it opens the file.
/// </summary>
public static class StoredFileDownload
{
    /// <param name="inline">Shown in the browser (an image) rather than saved; such a file is sandboxed from the portal's scripts.</param>
    public static IResult Send(HttpContext http, Stream stream, string fileName, string? contentType, bool inline = false, bool enableRangeProcessing = false)
    {
        ArgumentNullException.ThrowIfNull(http);
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName);
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        return TypedResults.Stream(stream, contentType ?? "application/octet-stream", enableRangeProcessing: enableRangeProcessing);
    }
}
