using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace ContactCenter.Infrastructure.Tests.Files;

/// <summary>Files of every kind the store meets, made in the test rather than checked in.</summary>
public static class SampleFiles
{
    public const string GpsMarker = "GPS-MARKER-50.2431N-32.5076E";

    public static byte[] Jpeg(int width = 200, int height = 100, bool noisy = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var random = new Random(42);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap.SetPixel(x, y, noisy
                    ? new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))
                    : x < width / 2 ? SKColors.Red : SKColors.Blue);
            }
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>
    /// A JPEG as a phone writes it: an APP1 Exif segment right after the start marker, with orientation 6 (turn 90°
    /// clockwise to view) and a GPS sub-directory carrying <see cref="GpsMarker"/>.
    /// </summary>
    public static byte[] JpegWithExifGps(int width = 200, int height = 100)
    {
        var jpeg = Jpeg(width, height);
        var marker = Encoding.ASCII.GetBytes(GpsMarker);
        var tiff = new byte[56 + marker.Length];
        "II"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);

        // IFD0 at 8: orientation and the pointer to the GPS directory.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        WriteEntry(tiff.AsSpan(10), tag: 0x0112, type: 3, count: 1, value: 6);
        WriteEntry(tiff.AsSpan(22), tag: 0x8825, type: 4, count: 1, value: 38);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(34), 0);

        // GPS IFD at 38: the processing method, pointing at the marker text at 56.
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(38), 1);
        WriteEntry(tiff.AsSpan(40), tag: 0x001B, type: 7, count: (uint)marker.Length, value: 56);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(52), 0);
        marker.CopyTo(tiff, 56);

        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + payload.Length));
        payload.CopyTo(segment, 4);

        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static byte[] TransparentPng(int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(SKColors.Transparent);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.DrawCircle(width / 2f, height / 2f, height / 3f, new SKPaint { Color = SKColors.Green });
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The start of a Windows executable: "MZ", the DOS stub and its NUL bytes.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[512];
        "MZ"u8.CopyTo(bytes);
        bytes[2] = 0x90;
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    public static byte[] Zip(params string[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write(entry == "mimetype" ? "application/vnd.oasis.opendocument.text" : "<x/>");
            }
        }

        return stream.ToArray();
    }

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    private static void WriteEntry(Span<byte> entry, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(entry, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], count);
        if (type == 3)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(entry[8..], (ushort)value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], value);
        }
    }
}
