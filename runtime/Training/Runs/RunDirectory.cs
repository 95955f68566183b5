using System.Globalization;
using AstDsl.Training.Errors;

namespace AstDsl.Training.Runs;

/// <summary>
/// The folder of one run and the names of everything in it: spec.yaml, train.log, metrics.csv/.yaml, report.md,
/// plots and checkpoints/ (epoch-N weights, best, averaged, and last = the resumable state).
/// </summary>
public sealed class RunDirectory
{
    /// <summary>Name of the resolved spec stored in every run.</summary>
    public const string SpecFileName = "spec.yaml";

    private RunDirectory(string path) => Path = System.IO.Path.GetFullPath(path);

    /// <summary>Absolute path of the run folder.</summary>
    public string Path { get; }
    /// <summary>The resolved spec.</summary>
    public string SpecFile => Combine(SpecFileName);
    /// <summary>The run log.</summary>
    public string LogFile => Combine("train.log");
    /// <summary>Per-epoch metrics as CSV.</summary>
    public string MetricsCsv => Combine("metrics.csv");
    /// <summary>Per-epoch metrics as YAML.</summary>
    public string MetricsYaml => Combine("metrics.yaml");
    /// <summary>Final report.</summary>
    public string ReportFile => Combine("report.md");
    /// <summary>Checkpoint folder.</summary>
    public string CheckpointsDirectory => Combine("checkpoints");
    /// <summary>The resumable checkpoint (model, optimiser, schedule, RNG, progress), rewritten after every epoch or interrupt.</summary>
    public string LastCheckpoint => System.IO.Path.Combine(CheckpointsDirectory, "last.astckpt");
    /// <summary>Weights of the epoch that scored best on the main metric.</summary>
    public string BestCheckpoint => System.IO.Path.Combine(CheckpointsDirectory, "best.astckpt");
    /// <summary>Weight-averaged model (the paper's WA).</summary>
    public string AveragedCheckpoint => System.IO.Path.Combine(CheckpointsDirectory, "averaged.astckpt");

    /// <summary>Weights after epoch <paramref name="epoch"/>.</summary>
    public string EpochCheckpoint(int epoch) =>
        System.IO.Path.Combine(CheckpointsDirectory, $"epoch-{epoch.ToString(CultureInfo.InvariantCulture)}.astckpt");

    /// <summary>A PNG in the run folder.</summary>
    public string PlotFile(string name) => Combine(name + ".png");

    /// <summary>
    /// Creates <c>&lt;root&gt;/&lt;name&gt;-&lt;yyyyMMdd-HHmmss&gt;</c> (UTC), adding -2, -3... if a run started in
    /// the same second, and stores the resolved spec in it.
    /// </summary>
    public static RunDirectory Create(string root, string name, DateTime utcNow, string specYaml)
    {
        var stem = System.IO.Path.Combine(root, $"{name}-{utcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var path = stem;
        for (var n = 2; Directory.Exists(path); n++) path = $"{stem}-{n.ToString(CultureInfo.InvariantCulture)}";
        return CreateAt(path, specYaml);
    }

    /// <summary>Creates a run at exactly <paramref name="path"/> (fold runs inside a cross-validation run).</summary>
    public static RunDirectory CreateAt(string path, string specYaml)
    {
        try
        {
            Directory.CreateDirectory(path);
            var run = new RunDirectory(path);
            Directory.CreateDirectory(run.CheckpointsDirectory);
            File.WriteAllText(run.SpecFile, specYaml);
            return run;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunDirectoryException(path, $"cannot be created ({e.Message}); check that the runs folder is writable.");
        }
    }

    /// <summary>Opens an existing run folder to resume it.</summary>
    /// <exception cref="RunDirectoryException">The folder does not exist or is not a run.</exception>
    public static RunDirectory Open(string path)
    {
        var run = new RunDirectory(path);
        if (!Directory.Exists(run.Path))
            throw new RunDirectoryException(run.Path, "does not exist; pass the folder of an earlier run (runs/<name>-<time>).");
        if (!File.Exists(run.SpecFile))
            throw new RunDirectoryException(run.Path, $"has no {SpecFileName}; it is not a run folder.");
        StaleTempFiles.Remove(run.CheckpointsDirectory);
        return run;
    }

    /// <summary>The run whose checkpoints folder holds <paramref name="checkpoint"/>, or null for a checkpoint kept elsewhere.</summary>
    public static RunDirectory? Holding(string checkpoint)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(checkpoint));
        if (folder is null || System.IO.Path.GetDirectoryName(folder) is not { } parent) return null;
        var run = new RunDirectory(parent);
        return run.CheckpointsDirectory == folder && File.Exists(run.SpecFile) ? run : null;
    }

    private string Combine(string name) => System.IO.Path.Combine(Path, name);
}
