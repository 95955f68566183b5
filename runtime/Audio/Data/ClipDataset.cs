using AstDsl.Audio.Augment;
using AstDsl.Audio.Features;
using static TorchSharp.torch;

namespace AstDsl.Audio.Data;

/// <summary>
/// The official AudiosetDataset: entry i -> (features (target_length, mel bins), target (classes)) through a
/// <see cref="ClipRecipe"/>, whose randomness comes only from the seed passed to <see cref="Get"/>. Thread-safe.
/// </summary>
public sealed class ClipDataset
{
    /// <summary>Creates a dataset over <paramref name="entries"/> with <paramref name="classCount"/> classes.</summary>
    /// <remarks>
    /// Without <paramref name="recipe"/> clips go through the front end only (<see cref="ClipRecipe.FrontEndOnly"/>);
    /// with <paramref name="cache"/> the fbank of every clip that mixup leaves unmixed is read from or stored in it.
    /// </remarks>
    /// <exception cref="ArgumentException">A label outside the classes, or a cache made for other front-end settings.</exception>
    public ClipDataset(IReadOnlyList<DatafileEntry> entries, int classCount, ClipPipeline pipeline, ClipRecipe? recipe = null, FeatureCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(pipeline);
        if (cache is not null && cache.Options != pipeline.Options)
            throw new ArgumentException($"the feature cache in {cache.Folder} was opened for other front-end settings than the dataset's pipeline", nameof(cache));
        if (classCount < 1) throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "needs at least one class");
        for (var i = 0; i < entries.Count; i++)
            foreach (var label in entries[i].LabelIndices)
                if ((uint)label >= (uint)classCount)
                    throw new ArgumentException($"entry {i} ({entries[i].Wav}) has class index {label}, outside 0..{classCount - 1}");
        Entries = entries;
        ClassCount = classCount;
        Pipeline = pipeline;
        Recipe = recipe ?? ClipRecipe.FrontEndOnly;
        Cache = cache;
    }

    /// <summary>Creates a dataset from a datafile and its label CSV.</summary>
    public static ClipDataset FromFiles(string datafile, string labelCsv, ClipPipeline pipeline, ClipRecipe? recipe = null)
    {
        var labels = LabelMap.Load(labelCsv);
        return new ClipDataset(Datafile.Load(datafile, labels), labels.Count, pipeline, recipe);
    }

    /// <summary>The clips.</summary>
    public IReadOnlyList<DatafileEntry> Entries { get; }

    /// <summary>Number of clips.</summary>
    public int Count => Entries.Count;

    /// <summary>Target width.</summary>
    public int ClassCount { get; }

    /// <summary>Frames of every feature matrix.</summary>
    public int Frames => Pipeline.Options.TargetLength;

    /// <summary>Mel bins of every feature matrix.</summary>
    public int MelBins => Pipeline.MelBins;

    /// <summary>The WAV-to-features pipeline.</summary>
    public ClipPipeline Pipeline { get; }

    /// <summary>What <see cref="Get"/> does to each clip.</summary>
    public ClipRecipe Recipe { get; }

    /// <summary>The on-disk fbank cache of unmixed clips, or null.</summary>
    public FeatureCache? Cache { get; }

    /// <summary>
    /// Features (target_length, mel bins) and target (classes) of clip <paramref name="index"/>, both float32 on the CPU,
    /// owned by the caller. <paramref name="seed"/> fixes every random choice of the recipe, drawn in its order.
    /// </summary>
    /// <exception cref="ClipLoadException">The clip (or its mixup partner) cannot be read.</exception>
    public (Tensor Features, Tensor Target) Get(int index, int seed)
    {
        if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"the dataset has {Count} clips");
        var rng = new Random(seed);
        using var scope = NewDisposeScope();
        var (features, target) = Recipe.Mixup is { } mixup && rng.NextDouble() < mixup.Probability
            ? Mixed(index, mixup, rng)
            : (Unmixed(index), TargetBuilder.Single(Entries[index].LabelIndices, ClassCount, Recipe.LabelSmoothing));
        foreach (var step in Recipe.RawSteps) features = step.Apply(features, rng);
        features = Recipe.Normalization is { } normalization ? normalization.Apply(features) : Pipeline.Normalize(features);
        foreach (var step in Recipe.NormalizedSteps) features = step.Apply(features, rng);
        return (features.MoveToOuterDisposeScope(), tensor(target).MoveToOuterDisposeScope());
    }

    // A mixed clip's waveform is new every time (partner and weight are drawn per epoch), so it never comes from the
    // cache: only unmixed clips do, and with mixup p only about (1 - p) of the clips of an epoch hit it.
    private (Tensor Features, float[] Target) Mixed(int index, MixupStep mixup, Random rng)
    {
        var partner = rng.Next(Count);
        var lambda = RandomDistributions.Beta(rng, mixup.Alpha, mixup.Alpha);
        using var waveform = Load(index);
        using var other = Load(partner);
        Waveform mixed;
        try
        {
            mixed = WaveformMixup.Mix(waveform, other, lambda);
        }
        catch (ArgumentException e)
        {
            var odd = OddRate(index, waveform, partner);
            throw new ClipLoadException(Entries[odd].Wav, odd, e);
        }
        using (mixed)
            return (Pipeline.PadOrCut(FeaturesOf(mixed, index)),
                TargetBuilder.Mixed(Entries[index].LabelIndices, Entries[partner].LabelIndices, lambda, ClassCount, Recipe.LabelSmoothing));
    }

    private Tensor Unmixed(int index) => Cache is { } cache ? cache.GetOrCompute(Entries[index].Wav, () => Computed(index)) : Computed(index);

    private Tensor Computed(int index)
    {
        using var waveform = Load(index);
        return Pipeline.PadOrCut(FeaturesOf(waveform, index));
    }

    // The front end rejects a rate it cannot frame (a 1 Hz file): that is a bad file, named like any other.
    private Tensor FeaturesOf(Waveform waveform, int index)
    {
        try
        {
            return Pipeline.Features(waveform);
        }
        catch (ArgumentException e)
        {
            throw new ClipLoadException(Entries[index].Wav, index, new AudioFormatException(Entries[index].Wav, -1,
                $"its sample rate {waveform.SampleRate} Hz cannot be analysed ({e.Message})", "Resample the file or remove it from the datafile."));
        }
    }

    // Of two clips that cannot be mixed, the one not at the pipeline's expected rate is the odd one; without an expected
    // rate, the partner (the clip drawn at random) is blamed, since the clip itself was read on its own turn too.
    private int OddRate(int index, Waveform waveform, int partner) =>
        Pipeline.Options.ExpectedSampleRate is { } expected && waveform.SampleRate != expected ? index : partner;

    private Waveform Load(int index)
    {
        var path = Entries[index].Wav;
        try
        {
            return Pipeline.Load(path);
        }
        catch (Exception e) when (e is AudioFormatException or IOException or UnauthorizedAccessException)
        {
            throw new ClipLoadException(path, index, e);
        }
    }
}
