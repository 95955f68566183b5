namespace AstDsl.Audio.Features;

/// <summary>Analysis window applied to every frame (Kaldi names).</summary>
public enum WindowType
{
    /// <summary>Symmetric Hann window raised to the power 0.85 (Kaldi's default).</summary>
    Povey,
    /// <summary>Symmetric Hann window 0.5 - 0.5 cos(2 pi n / (N - 1)) (the AST dataloader's choice).</summary>
    Hanning,
    /// <summary>Symmetric Hamming window 0.54 - 0.46 cos(2 pi n / (N - 1)).</summary>
    Hamming,
    /// <summary>No tapering.</summary>
    Rectangular,
    /// <summary>Symmetric Blackman window with coefficient 0.42.</summary>
    Blackman,
}
