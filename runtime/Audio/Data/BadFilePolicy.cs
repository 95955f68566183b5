namespace AstDsl.Audio.Data;

/// <summary>What the loader does with a clip that cannot be read.</summary>
public enum BadFilePolicy
{
    /// <summary>Stop the epoch with a <see cref="ClipLoadException"/> naming the file.</summary>
    Fail,
    /// <summary>Leave the clip out of its batch, count it and record its path (<see cref="BatchLoader.Skipped"/>).</summary>
    Skip,
}
