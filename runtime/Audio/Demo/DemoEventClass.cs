namespace AstDsl.Audio.Demo;

/// <summary>
/// The sound events of the demo dataset. Several pairs share their average spectrum and differ only in time
/// (pure vs AM vs FM tone, up vs down chirp, noise burst vs click train vs echo), so clip-mean features cannot separate them.
/// </summary>
public enum DemoEventClass
{
    /// <summary>A steady sine.</summary>
    PureTone,
    /// <summary>A sine gliding upwards.</summary>
    UpChirp,
    /// <summary>A sine gliding downwards.</summary>
    DownChirp,
    /// <summary>A fundamental with decaying harmonics.</summary>
    HarmonicStack,
    /// <summary>A burst of white noise.</summary>
    NoiseBurst,
    /// <summary>Regularly spaced clicks of equal level.</summary>
    ClickTrain,
    /// <summary>A sine whose amplitude is modulated at a few hertz.</summary>
    AmTone,
    /// <summary>A sine whose frequency wobbles (vibrato).</summary>
    FmTone,
    /// <summary>White noise through a resonant band-pass filter.</summary>
    BandNoise,
    /// <summary>A click followed by geometrically decaying echoes.</summary>
    ImpulseEcho,
}

/// <summary>Label strings of <see cref="DemoEventClass"/>.</summary>
public static class DemoEventClassNames
{
    /// <summary>The mid used in datafiles: /m/demoNN.</summary>
    public static string Mid(this DemoEventClass c) => $"/m/demo{(int)c:D2}";

    /// <summary>A readable snake_case name.</summary>
    public static string DisplayName(this DemoEventClass c) => c switch
    {
        DemoEventClass.PureTone => "pure_tone",
        DemoEventClass.UpChirp => "up_chirp",
        DemoEventClass.DownChirp => "down_chirp",
        DemoEventClass.HarmonicStack => "harmonic_stack",
        DemoEventClass.NoiseBurst => "noise_burst",
        DemoEventClass.ClickTrain => "click_train",
        DemoEventClass.AmTone => "am_tone",
        DemoEventClass.FmTone => "fm_tone",
        DemoEventClass.BandNoise => "band_noise",
        DemoEventClass.ImpulseEcho => "impulse_echo",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "unknown demo class"),
    };
}
