using ContactCenter.Domain.Common;
using SkiaSharp;

namespace ContactCenter.Infrastructure.Files;

/// <summary>A re-encoded image: only pixels, no metadata of the original.</summary>
public sealed record SanitizedImage(byte[] Content, DetectedFileType Type, int Width, int Height);

/// <summary>
/// Decodes an uploaded image and encodes its pixels anew (JPEG, or PNG where there is transparency), upright and at
/// most <see cref="MaxSide"/> pixels on the longest side. Whatever the original carried besides pixels — EXIF with
/// GPS coordinates, comments, data appended after the image — is not written again.
/// </summary>
public static class ImageSanitizer
{
    public const int MaxSide = 4096;
    public const int JpegQuality = 85;

    /// <summary>Refused before decoding: a small file can declare a huge canvas and exhaust memory.</summary>
    public const int MaxMegapixels = 50;

    public static Result<SanitizedImage> Sanitize(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            return FileErrors.ImageCorrupt;
        }

        // JPEG decodes straight at 1/2, 1/4 or 1/8 of its size: a big photo need not be held at full size first.
        var size = codec.Info.Size;
        var longest = Math.Max(size.Width, size.Height);
        if (longest > MaxSide)
        {
            var scaled = codec.GetScaledDimensions((float)MaxSide / longest);
            if (scaled.Width > 0 && scaled.Height > 0 && Math.Max(scaled.Width, scaled.Height) >= MaxSide)
            {
                size = scaled;
            }
        }

        if ((long)size.Width * size.Height > MaxMegapixels * 1_000_000L)
        {
            return FileErrors.ImageTooLarge(MaxMegapixels);
        }

        using var decoded = Decode(codec, size);
        if (decoded is null)
        {
            return FileErrors.ImageCorrupt;
        }

        var origin = codec.EncodedOrigin;
        var swapsSides = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var (uprightWidth, uprightHeight) = swapsSides ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(uprightWidth, uprightHeight));
        var width = Math.Max(1, (int)Math.Round(uprightWidth * scale));
        var height = Math.Max(1, (int)Math.Round(uprightHeight * scale));

        var transparent = HasTransparency(decoded);
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, transparent ? SKAlphaType.Premul : SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(transparent ? SKColors.Transparent : SKColors.White);
            canvas.Scale((float)width / uprightWidth, (float)height / uprightHeight);
            canvas.Concat(Orientation(origin, decoded.Width, decoded.Height));
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        var (format, quality, type) = transparent
            ? (SKEncodedImageFormat.Png, 100, FileInspector.Png)
            : (SKEncodedImageFormat.Jpeg, JpegQuality, FileInspector.Jpeg);
        using var encoded = target.Encode(format, quality);
        if (encoded is null)
        {
            return FileErrors.ImageCorrupt;
        }

        return new SanitizedImage(encoded.ToArray(), type, width, height);
    }

    /// <summary>All pixels or nothing: a truncated or damaged file is refused, not half shown.</summary>
    private static SKBitmap? Decode(SKCodec codec, SKSizeI size)
    {
        var info = codec.Info.WithSize(size.Width, size.Height).WithColorType(SKColorType.Rgba8888).WithAlphaType(
            codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }

        return bitmap;
    }

    private static bool HasTransparency(SKBitmap bitmap)
    {
        if (bitmap.AlphaType == SKAlphaType.Opaque)
        {
            return false;
        }

        var pixels = bitmap.GetPixelSpan();
        for (var i = 3; i < pixels.Length; i += 4)
        {
            if (pixels[i] != 0xFF)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Maps the stored pixels (width × height) to the upright picture EXIF orientation describes.</summary>
    private static SKMatrix Orientation(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
