using AstDsl.Training.Errors;

namespace AstDsl.Training.Runs;

/// <summary>Writes a file of a run, turning an I/O failure (a full disk) into an error that names the file and the way back.</summary>
public static class RunFiles
{
    /// <summary>Runs <paramref name="write"/>, which writes <paramref name="path"/>.</summary>
    /// <exception cref="RunWriteException">The write failed.</exception>
    public static void Write(string path, Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new RunWriteException(path, e);
        }
    }
}
