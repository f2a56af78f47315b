using ContactCenter.Domain.Common;

namespace ContactCenter.Infrastructure.Files;

/// <summary>Why a file was not accepted, in words an uploader can act on.</summary>
public static class FileErrors
{
    public static readonly Error Empty = new("File.Empty", "Файл порожній.");

    public static readonly Error TypeNotAccepted = new(
        "File.TypeNotAccepted",
        "Цей тип файлу не приймається: завантажте фото (JPEG, PNG, WEBP), PDF, документ Word/Excel (DOCX, XLSX, ODT, ODS) або текст (TXT).");

    public static readonly Error ImageCorrupt = new("File.ImageCorrupt", "Зображення пошкоджене або не є зображенням.");

    public static readonly Error StorageFailed = new("File.StorageFailed", "Не вдалося зберегти файл. Спробуйте ще раз.");

    public static Error TooLarge(int maxSizeMb) => new("File.TooLarge", $"Файл завеликий: не більше {maxSizeMb} МБ.");

    public static Error ImageTooLarge(int maxMegapixels) =>
        new("File.ImageTooLarge", $"Зображення має завелику роздільність: не більше {maxMegapixels} мегапікселів.");

    public static Error TooManyFiles(int maxPerCard) => new("File.TooMany", $"До картки можна додати не більше {maxPerCard} файлів.");
}
