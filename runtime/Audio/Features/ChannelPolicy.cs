namespace AstDsl.Audio.Features;

/// <summary>How a multi-channel file becomes the single signal the filterbank sees.</summary>
public enum ChannelPolicy
{
    /// <summary>
    /// The official AST dataloader: subtract one mean taken over all channels and samples, then keep channel 0 only
    /// (kaldi.fbank's default channel). Other channels are ignored.
    /// </summary>
    OfficialFirstChannel,
    /// <summary>Average the channels into one, then subtract its mean.</summary>
    DownmixMono,
}
