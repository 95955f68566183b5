namespace AstDsl.Audio.Data;

/// <summary>A dataset clip that could not be read or processed; wraps the cause and names the clip.</summary>
public sealed class ClipLoadException : Exception
{
    /// <summary>Creates the error for the clip at <paramref name="index"/> whose file is <paramref name="path"/>.</summary>
    public ClipLoadException(string path, int index, Exception inner)
        : base($"clip {index} ({path}) could not be loaded: {inner?.Message} " +
               "Fix or remove the file, or skip unreadable files with `on_bad_file = skip` in the data block.", inner)
    {
        FilePath = path;
        Index = index;
    }

    /// <summary>The audio file that failed.</summary>
    public string FilePath { get; }

    /// <summary>The entry's index in the dataset.</summary>
    public int Index { get; }
}
