using System.CommandLine;

namespace AstDsl.Cli.Commands;

/// <summary><c>--window FRAMES</c> and <c>--hop FRAMES</c> of the sliding window over long audio (infer, tag, eval).</summary>
public static class WindowOptions
{
    /// <summary><c>--window FRAMES</c>: default (and maximum) the model input length.</summary>
    public static Option<int?> Window() => new("--window") { Description = "Frames per window (default and maximum: the model input; shorter windows are zero-padded)." };

    /// <summary><c>--hop FRAMES</c>: default half a window.</summary>
    public static Option<int?> Hop() => new("--hop") { Description = "Frames between window starts (default: half a window)." };
}
