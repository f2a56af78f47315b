using System.Text;
using ContactCenter.Infrastructure.Files;

namespace ContactCenter.Infrastructure.Tests.Files;

public sealed class FileInspectorTests
{
    [Fact]
    public void Detect_ImagesByTheirSignatures()
    {
        Assert.Equal(FileInspector.Jpeg, FileInspector.Detect(SampleFiles.Jpeg()));
        Assert.Equal(FileInspector.Png, FileInspector.Detect(SampleFiles.TransparentPng()));
        Assert.Equal(FileInspector.Gif, FileInspector.Detect(Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000")));
        Assert.Equal(FileInspector.Webp, FileInspector.Detect(Encoding.ASCII.GetBytes("RIFF\u0010\u0000\u0000\u0000WEBPVP8 ")));
    }

    [Fact]
    public void Detect_OfficeDocumentsByTheirInsides()
    {
        Assert.Equal(FileInspector.Docx, FileInspector.Detect(SampleFiles.Docx()));
        Assert.Equal(FileInspector.Xlsx, FileInspector.Detect(SampleFiles.Zip("[Content_Types].xml", "xl/workbook.xml")));
        Assert.Equal(FileInspector.Odt, FileInspector.Detect(SampleFiles.Zip("mimetype", "content.xml")));
    }

    [Fact]
    public void Detect_APlainZipOrAMacroDocument_IsRefused()
    {
        Assert.Null(FileInspector.Detect(SampleFiles.Zip("payload.exe")));
        Assert.Null(FileInspector.Detect(SampleFiles.Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")));
        Assert.Null(FileInspector.Detect([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]));
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("Акт виконаних робіт\n<script>alert(1)</script>")]
    [InlineData("#!/bin/sh\nrm -rf /\n")]
    public void Detect_MarkupAndScripts_AreRefused(string text) =>
        Assert.Null(FileInspector.Detect(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void Detect_UkrainianUtf8Text_IsPlainText() =>
        Assert.Equal(FileInspector.Text, FileInspector.Detect(Encoding.UTF8.GetBytes("Акт виконаних робіт № 5\r\nВулиця Соборна, 1 — труба замінена.\n")));

    [Fact]
    public void Detect_TextInAnotherEncodingOrWithNulBytes_IsRefused()
    {
        Assert.Null(FileInspector.Detect(Encoding.Latin1.GetBytes("caf\u00e9 cr\u00e8me")));
        Assert.Null(FileInspector.Detect(Encoding.Unicode.GetBytes("Акт")));
        Assert.Null(FileInspector.Detect(SampleFiles.Executable()));
    }
}
