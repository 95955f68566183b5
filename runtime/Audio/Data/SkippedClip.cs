namespace AstDsl.Audio.Data;

/// <summary>A clip the loader left out under <see cref="BadFilePolicy.Skip"/>.</summary>
/// <param name="Epoch">Epoch in which it failed.</param>
/// <param name="Index">Dataset index.</param>
/// <param name="Path">Audio file that failed (the clip's own file or its mixup partner).</param>
/// <param name="Reason">The error message.</param>
public sealed record SkippedClip(int Epoch, int Index, string Path, string Reason);
