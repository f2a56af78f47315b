using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Xml;
using ContactCenter.Domain.Deadlines;

namespace ContactCenter.Portal.Features.Open311;

/// <summary>The two formats of GeoReport v2: every resource is named in the path as <c>.json</c> or <c>.xml</c>.</summary>
public enum Open311Format
{
    Json,
    Xml,
}

/// <summary>
/// One answer of the API in a shape both writers understand: an object (its fields in order) or a list of objects or
/// values. JSON writes a list as an array; XML writes it as <c>&lt;XmlName&gt;&lt;ItemName&gt;…</c>, as the spec's
/// examples do (<c>&lt;services&gt;&lt;service&gt;</c>, <c>&lt;service_requests&gt;&lt;request&gt;</c>).
/// </summary>
public abstract record Open311Node;

/// <summary>An object; field values are null, string, bool, int, double or another node.</summary>
public sealed record Open311Object(string XmlName, IReadOnlyList<KeyValuePair<string, object?>> Fields) : Open311Node
{
    public static Open311Object Of(string xmlName, params (string Name, object? Value)[] fields) =>
        new(xmlName, fields.Select(f => new KeyValuePair<string, object?>(f.Name, f.Value)).ToList());
}

/// <summary>A list of objects or plain values.</summary>
public sealed record Open311List(string XmlName, string ItemName, IReadOnlyList<object?> Items) : Open311Node;

public static class Open311Writer
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Ukrainian text stays readable; the answer is never embedded in HTML.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    public static bool TryParseFormat(string? text, out Open311Format format)
    {
        switch (text?.ToLowerInvariant())
        {
            case "json":
                format = Open311Format.Json;
                return true;
            case "xml":
                format = Open311Format.Xml;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>A date as ISO 8601 in Kyiv local time with its offset, e.g. 2026-03-02T11:00:00+02:00.</summary>
    public static string? Date(DateTimeOffset? value) =>
        value is { } at ? TimeZoneInfo.ConvertTime(at, DeadlinePolicy.Kyiv).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;

    public static IResult Result(Open311Node node, Open311Format format, int statusCode = StatusCodes.Status200OK) =>
        format == Open311Format.Json
            ? Results.Text(ToJson(node), "application/json; charset=utf-8", Encoding.UTF8, statusCode)
            : Results.Text(ToXml(node), "text/xml; charset=utf-8", Encoding.UTF8, statusCode);

    public static string ToJson(Open311Node node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            WriteJson(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToXml(Open311Node node)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(builder), new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            writer.WriteStartDocument();
            switch (node)
            {
                case Open311Object o:
                    writer.WriteStartElement(o.XmlName);
                    WriteXmlFields(writer, o);
                    writer.WriteEndElement();
                    break;
                case Open311List list:
                    WriteXmlList(writer, list);
                    break;
            }

            writer.WriteEndDocument();
        }

        return builder.ToString();
    }

    private static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case Open311Object o:
                writer.WriteStartObject();
                foreach (var (name, field) in o.Fields)
                {
                    writer.WritePropertyName(name);
                    WriteJson(writer, field);
                }

                writer.WriteEndObject();
                break;
            case Open311List list:
                writer.WriteStartArray();
                foreach (var item in list.Items)
                {
                    WriteJson(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Open311 cannot write a {value.GetType().Name}.");
        }
    }

    private static void WriteXmlFields(XmlWriter writer, Open311Object o)
    {
        foreach (var (name, value) in o.Fields)
        {
            if (value is Open311List list)
            {
                WriteXmlList(writer, list with { XmlName = name });
                continue;
            }

            writer.WriteStartElement(name);
            WriteXmlValue(writer, value);
            writer.WriteEndElement();
        }
    }

    private static void WriteXmlList(XmlWriter writer, Open311List list)
    {
        writer.WriteStartElement(list.XmlName);
        foreach (var item in list.Items)
        {
            writer.WriteStartElement(item is Open311Object o ? o.XmlName : list.ItemName);
            if (item is Open311Object obj)
            {
                WriteXmlFields(writer, obj);
            }
            else
            {
                WriteXmlValue(writer, item);
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteXmlValue(XmlWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case string s:
                writer.WriteString(s);
                break;
            case bool b:
                writer.WriteString(b ? "true" : "false");
                break;
            case int i:
                writer.WriteString(i.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                writer.WriteString(d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case Open311Object o:
                writer.WriteStartElement(o.XmlName);
                WriteXmlFields(writer, o);
                writer.WriteEndElement();
                break;
            default:
                throw new InvalidOperationException($"Open311 cannot write a {value.GetType().Name}.");
        }
    }

    /// <summary>A StringWriter that declares UTF-8, so the XML header matches the bytes sent.</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
