namespace AstDsl.Audio.Data;

/// <summary>Writes text files, creating their folder first.</summary>
internal static class FileOutput
{
    public static void WriteAllText(string path, string text)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        File.WriteAllText(path, text);
    }
}
