using System.IO.Compression;
using System.Text;

namespace ContactCenter.Infrastructure.Files;

/// <summary>What a file really is, by its bytes: the content type it is served with and the extension it is stored under.</summary>
public sealed record DetectedFileType(string ContentType, string Extension, bool IsImage);

/// <summary>
/// Recognises the accepted kinds of files by content — photos, PDF, office documents and plain text — and nothing else.
/// The name the uploader gave is not consulted: an executable called photo.jpg is an executable.
/// </summary>
public static class FileInspector
{
    public static readonly DetectedFileType Jpeg = new("image/jpeg", ".jpg", true);
    public static readonly DetectedFileType Png = new("image/png", ".png", true);
    public static readonly DetectedFileType Gif = new("image/gif", ".gif", true);
    public static readonly DetectedFileType Webp = new("image/webp", ".webp", true);
    public static readonly DetectedFileType Bmp = new("image/bmp", ".bmp", true);
    public static readonly DetectedFileType Pdf = new("application/pdf", ".pdf", false);
    public static readonly DetectedFileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
    public static readonly DetectedFileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);
    public static readonly DetectedFileType Odt = new("application/vnd.oasis.opendocument.text", ".odt", false);
    public static readonly DetectedFileType Ods = new("application/vnd.oasis.opendocument.spreadsheet", ".ods", false);
    public static readonly DetectedFileType Text = new("text/plain; charset=utf-8", ".txt", false);

    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly int[] BmpHeaderSizes = [12, 40, 52, 56, 64, 108, 124];

    // Markup a browser would run or render; a text file carrying it is not plain text.
    private static readonly string[] MarkupSigns = ["<script", "<html", "<svg", "<iframe", "<body", "<object", "<embed", "<?php", "<?xml", "<!doctype"];

    /// <summary>The real type of <paramref name="content"/>, or null when it is not a kind the system accepts.</summary>
    public static DetectedFileType? Detect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReadOnlySpan<byte> bytes = content;
        if (bytes.IsEmpty)
        {
            return null;
        }

        if (bytes.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (bytes.StartsWith(PngMagic))
        {
            return Png;
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Gif;
        }

        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WEBP"u8))
        {
            return Webp;
        }

        if (IsBmp(bytes))
        {
            return Bmp;
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (bytes.StartsWith(ZipMagic))
        {
            return DetectOfficeDocument(content);
        }

        return IsPlainText(bytes) ? Text : null;
    }

    private static bool IsBmp(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 26 || !bytes.StartsWith("BM"u8))
        {
            return false;
        }

        var headerSize = BitConverter.ToInt32(bytes.Slice(14, 4));
        return Array.IndexOf(BmpHeaderSizes, headerSize) >= 0;
    }

    /// <summary>A ZIP is only accepted as a Word/Excel (OOXML) or ODF text/spreadsheet document, never with macros.</summary>
    private static DetectedFileType? DetectOfficeDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return null;
            }

            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return Docx;
                }

                return names.Contains("xl/workbook.xml") ? Xlsx : null;
            }

            var mimetype = zip.GetEntry("mimetype");
            if (mimetype is null || mimetype.Length > 100)
            {
                return null;
            }

            using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
            return reader.ReadToEnd().Trim() switch
            {
                "application/vnd.oasis.opendocument.text" => Odt,
                "application/vnd.oasis.opendocument.spreadsheet" => Ods,
                _ => null,
            };
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Valid UTF-8 without NUL or other control bytes, and no markup or script a browser or shell would run.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("#!"u8))
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C))
            {
                return false;
            }

            if (b == 0x7F)
            {
                return false;
            }
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (start.StartsWith('<'))
        {
            return false;
        }

        return !MarkupSigns.Any(sign => text.Contains(sign, StringComparison.OrdinalIgnoreCase));
    }
}
