using AstDsl.Audio.Data;

namespace AstDsl.Audio.Tests.Data;

/// <summary>Writes a malformed file, loads it and checks that the error names the file, the line and the problem.</summary>
internal static class FormatErrorAssert
{
    public static void Rejects(string fileName, string text, Action<string> load, int line, string problem)
    {
        using var dir = new TempDir();
        var path = dir.Write(fileName, text);
        var e = Assert.Throws<DatasetFormatException>(() => load(path));
        Assert.Equal(line, e.Line);
        Assert.Contains(problem, e.Message);
        Assert.StartsWith(path, e.Message);
    }
}
