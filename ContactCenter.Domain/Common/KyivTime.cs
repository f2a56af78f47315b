using System.Globalization;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Domain.Common;

/// <summary>How people read an instant: Kyiv local time, <c>dd.MM.yyyy HH:mm</c> (design.md conventions).</summary>
public static class KyivTime
{
    public static string Format(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, DeadlinePolicy.Kyiv).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture);
}
