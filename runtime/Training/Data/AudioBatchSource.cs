using AstDsl.Audio.Data;
using AstDsl.Training.Errors;

namespace AstDsl.Training.Data;

/// <summary>The audio loader seen as a batch source: batches keep the loader's (seed, epoch) determinism.</summary>
public sealed class AudioBatchSource : IBatchSource
{
    private readonly BatchLoader _loader;
    private readonly string _setting;
    private readonly string _datafile;

    /// <summary>Wraps <paramref name="loader"/>, which reads the datafile <paramref name="datafile"/> of spec field <paramref name="setting"/>.</summary>
    public AudioBatchSource(BatchLoader loader, string setting, string datafile)
    {
        _loader = loader;
        _setting = setting;
        _datafile = datafile;
    }

    /// <inheritdoc />
    public int SampleCount => _loader.SamplesPerEpoch;

    /// <inheritdoc />
    public int BatchesPerEpoch => _loader.BatchesPerEpoch;

    /// <summary>Clips left out so far because they could not be read (bad-file policy Skip).</summary>
    public IReadOnlyCollection<SkippedClip> Skipped => _loader.Skipped;

    /// <inheritdoc />
    /// <remarks>Skipped batches are still decoded (the loader cannot start mid-epoch); this only costs time on a mid-epoch resume.</remarks>
    /// <exception cref="DataFileException">Every clip was skipped as unreadable: there is nothing to train or evaluate on.</exception>
    public IEnumerable<TrainingBatch> Batches(int epoch, int skip = 0)
    {
        var any = false;
        foreach (var batch in _loader.Epoch(epoch))
        {
            any = true;
            if (batch.Number < skip)
            {
                batch.Dispose();
                continue;
            }
            yield return new TrainingBatch(batch.Features, batch.Targets);
        }
        if (!any && _loader.BatchesPerEpoch > 0) throw NothingReadable(_setting, _datafile, _loader.Dataset.Count, _loader.Skipped);
    }

    /// <summary>The error when <paramref name="skipped"/> left out every one of the <paramref name="clips"/> clips of a datafile.</summary>
    /// <remarks>A loss over no clips is NaN, and a "best" checkpoint of an untrained model would follow: refuse instead.</remarks>
    internal static DataFileException NothingReadable(string setting, string datafile, int clips, IEnumerable<SkippedClip> skipped)
    {
        var first = skipped.FirstOrDefault();
        return new DataFileException(setting, datafile,
            $"none of its {clips} clips could be read; `on_bad_file = skip` left out every one" +
            (first is null ? "" : $" (first: {first.Path}: {first.Reason})") + ". Fix the audio files or the datafile.");
    }
}
