using AstDsl.Audio;
using AstDsl.Audio.Data;
using AstDsl.Network;
using AstDsl.Training.Data;
using static TorchSharp.torch;

namespace AstDsl.Training.Evaluation;

/// <summary>
/// The batches of <c>astc eval</c> for a model that takes short clips at their own length (<see cref="AstNetwork.RunsAtOwnLength"/>,
/// as <c>astc infer</c> does): clips of equal frame count share batches at that length; longer clips, and clips the model
/// pads, form the group of the trained length, loaded exactly as before. Each group goes through the usual loader (bad-file
/// policy, parallel decoding), which pads to the trained length; cutting that padding off again leaves exactly the clip's
/// normalised features, since the normalisation is element-wise.
/// </summary>
/// <remarks>Grouping needs each clip's frame count up front, so every file is decoded once more (not analysed) before the batches.</remarks>
internal sealed class OwnLengthBatches : IBatchSource
{
    private readonly ClipDataset _dataset;
    private readonly LoaderOptions _options;
    private readonly string _setting;
    private readonly string _datafile;
    private readonly (int Frames, int[] Members)[] _groups;
    private readonly List<int> _order = new();
    private readonly List<SkippedClip> _skipped = new();

    /// <summary>Groups the clips of <paramref name="dataset"/> by the length <paramref name="model"/> sees them at.</summary>
    public OwnLengthBatches(AstNetwork model, ClipDataset dataset, LoaderOptions options, string setting, string datafile)
    {
        _dataset = dataset;
        _options = options;
        _setting = setting;
        _datafile = datafile;
        var frames = new int[dataset.Count];
        Parallel.For(0, dataset.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Workers }, i => frames[i] = FramesOf(i));
        _groups = Enumerable.Range(0, dataset.Count)
            .GroupBy(i => model.RunsAtOwnLength(frames[i]) ? frames[i] : dataset.Frames)
            .OrderBy(group => group.Key)
            .Select(group => (group.Key, group.ToArray()))
            .ToArray();
    }

    /// <inheritdoc />
    public int SampleCount => _dataset.Count;

    /// <inheritdoc />
    public int BatchesPerEpoch => _groups.Sum(g => (g.Members.Length + _options.BatchSize - 1) / _options.BatchSize);

    /// <summary>Clips left out as unreadable, by their index in the whole datafile.</summary>
    public IReadOnlyList<SkippedClip> Skipped => _skipped;

    /// <inheritdoc />
    public IEnumerable<TrainingBatch> Batches(int epoch, int skip = 0)
    {
        _order.Clear();
        _skipped.Clear();
        var number = 0;
        foreach (var (frames, members) in _groups)
        {
            var group = new ClipDataset(members.Select(i => _dataset.Entries[i]).ToArray(), _dataset.ClassCount, _dataset.Pipeline, cache: _dataset.Cache);
            var loader = new BatchLoader(group, _options);
            foreach (var batch in loader.Epoch(epoch))
            {
                using (batch)
                {
                    if (number++ < skip) continue;
                    _order.AddRange(batch.Indices.Select(k => members[k]));
                    using var own = batch.Features.narrow(1, 0, frames);
                    yield return new TrainingBatch(own.contiguous(), batch.Targets.alias());
                }
            }
            _skipped.AddRange(loader.Skipped.Select(s => s with { Index = members[s.Index] }));
        }
        if (_order.Count == 0 && _skipped.Count > 0) throw AudioBatchSource.NothingReadable(_setting, _datafile, _dataset.Count, _skipped);
    }

    /// <summary><paramref name="predictions"/> of the last epoch, made in batch order, as rows in datafile order.</summary>
    public Predictions InDatafileOrder(Predictions predictions)
    {
        var classes = predictions.Classes;
        var rows = _order.Select((index, row) => (index, row)).OrderBy(r => r.index).Select(r => r.row).ToArray();
        float[] Reorder(float[] values)
        {
            var ordered = new float[values.Length];
            for (var i = 0; i < rows.Length; i++) Array.Copy(values, rows[i] * classes, ordered, i * classes, classes);
            return ordered;
        }
        return predictions with { Scores = Reorder(predictions.Scores), Targets = Reorder(predictions.Targets) };
    }

    // An unreadable clip joins the trained-length group, where the loader reports or skips it in its turn.
    private int FramesOf(int index)
    {
        try
        {
            using var scope = NewDisposeScope();
            using var waveform = _dataset.Pipeline.Load(_dataset.Entries[index].Wav);
            return _dataset.Pipeline.Fbank.Options.FrameCount(waveform.Samples.shape[0], waveform.SampleRate);
        }
        catch (Exception e) when (e is AudioFormatException or IOException or UnauthorizedAccessException)
        {
            return _dataset.Frames;
        }
    }
}
