using System.Text.Json;
using AstDsl.Audio.Wav;
using AstDsl.Network;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Experiments;

namespace AstDsl.Cli.Tests;

/// <summary>
/// A tiny untrained 3-class model saved as an AstDsl checkpoint, four good 1 s clips with their datafile and label CSV,
/// and damaged inputs of every kind the commands must survive.
/// </summary>
public sealed class TinyModelFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public TinyModelFixture()
    {
        Options = new AstOptions
        {
            LabelCount = 3, InputFDim = 32, InputTDim = 64, FPatch = 16, TPatch = 16, FStride = 16, TStride = 16,
            Width = 16, Depth = 1, Heads = 2, DistillationToken = false,
        };
        var labels = Enumerable.Range(0, 3).Select(i => new LabelInfo(i, $"/m/c{i}", $"class {i}")).ToArray();
        var metadata = new ModelMetadata
        {
            Experiment = "tiny", Model = Options, Labels = labels,
            Features = new FeatureSettings { MelBins = 32, TargetLength = 64 },
        };
        Checkpoint = File("tiny.astckpt");
        using (var model = new AstModel(Options)) TrainingCheckpoint.SaveWeights(Checkpoint, model, metadata);

        var clips = Enumerable.Range(0, 4).Select(i =>
        {
            var path = File($"clip{i}.wav");
            WriteWav(path, Enumerable.Range(0, 16000).Select(t => (float)(0.3 * Math.Sin(2 * Math.PI * (200 + 150 * i) * t / 16000))).ToArray());
            return (path, $"/m/c{i % 3}");
        }).ToArray();
        LabelCsv = File("labels.csv");
        System.IO.File.WriteAllText(LabelCsv, "index,mid,display_name\n" + string.Concat(labels.Select(l => $"{l.Index},{l.Mid},{l.DisplayName}\n")));
        LabelCsv12 = File("labels12.csv");
        System.IO.File.WriteAllText(LabelCsv12, "index,mid,display_name\n" + string.Concat(Enumerable.Range(0, 12).Select(i => $"{i},/m/c{i},class {i}\n")));
        Datafile = WriteDatafile("eval.json", clips.Select(c => c.path));
        RandomBytes = File("random.bin");
        System.IO.File.WriteAllBytes(RandomBytes, RandomData(5000, seed: 1));
        BadDatafile = WriteDatafile("eval-bad.json", clips.Select(c => c.path).Append(RandomBytes));
        NanWav = File("nan.wav");
        WriteWav(NanWav, Enumerable.Range(0, 16000).Select(t => t % 4 == 0 ? float.NaN : 0.1f).ToArray());
        EmptyAudioWav = File("no-samples.wav");
        WriteWav(EmptyAudioWav, []);
        GoodWav = clips[0].path;
        Wav8k = File("tone-8k.wav");
        WavWriter.Write(Wav8k, new AudioClip(Enumerable.Range(0, 8000).Select(t => (float)(0.3 * Math.Sin(2 * Math.PI * 300 * t / 8000))).ToArray(), 1, 8000),
            WavEncoding.Float32);
        Datafile8k = WriteDatafile("eval-8k.json", clips.Select(c => c.path).Append(Wav8k));
    }

    /// <summary>A one-second tone at 8 kHz, half the model's rate.</summary>
    public string Wav8k { get; }
    /// <summary>The good clips plus <see cref="Wav8k"/>.</summary>
    public string Datafile8k { get; }

    public AstOptions Options { get; }
    public string Checkpoint { get; }
    public string Datafile { get; }
    public string BadDatafile { get; }
    public string LabelCsv { get; }
    public string LabelCsv12 { get; }
    public string GoodWav { get; }
    public string NanWav { get; }
    public string EmptyAudioWav { get; }
    public string RandomBytes { get; }
    public string Folder => _folder.Path;

    public string File(string name) => _folder.File(name);

    /// <summary>A damaged or foreign input of the given kind (made once, then reused).</summary>
    public string Damaged(string kind)
    {
        if (kind == "dev-zero") return "/dev/zero";
        if (kind == "folder") return Folder;
        if (kind == "missing") return File("missing.wav");
        if (kind == "no-samples") return EmptyAudioWav;
        if (kind == "nan") return NanWav;
        if (kind == "random") return RandomBytes;
        var path = File("damaged-" + kind);
        if (System.IO.File.Exists(path)) return path;
        var wav = System.IO.File.ReadAllBytes(GoodWav);
        var checkpoint = System.IO.File.ReadAllBytes(Checkpoint);
        byte[] bytes = kind switch
        {
            "empty" => [],
            "truncated-wav" => wav[..3000],
            "huge-data-size" => WithUInt32(wav, DataChunkSizeOffset(wav), 0xFFFFFFF0),
            "huge-riff-size" => WithUInt32(wav, 4, 0xFFFFFFF0),
            "truncated-checkpoint" => checkpoint[..(checkpoint.Length / 2)],
            "altered-checkpoint" => WithUInt32(checkpoint, checkpoint.Length / 2, 0xDEADBEEF),
            "json-garbage" => "{\"data\": [ {\"wav\": "u8.ToArray(),
            _ => throw new ArgumentException($"unknown damaged input '{kind}'", nameof(kind)),
        };
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    private static int DataChunkSizeOffset(byte[] wav) => wav.AsSpan().IndexOf("data"u8) + 4;

    private static byte[] WithUInt32(byte[] bytes, int offset, uint value)
    {
        var copy = (byte[])bytes.Clone();
        BitConverter.GetBytes(value).CopyTo(copy, offset);
        return copy;
    }

    public static byte[] RandomData(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A datafile of <paramref name="wavs"/>, clip i labelled class i mod 3.</summary>
    public string WriteDatafile(string name, IEnumerable<string> wavs)
    {
        var path = File(name);
        var entries = wavs.Select((wav, i) => new { wav, labels = $"/m/c{i % 3}" });
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(new { data = entries }));
        return path;
    }

    /// <summary>A mono 16 kHz float WAV.</summary>
    public static void WriteWav(string path, float[] samples) =>
        WavWriter.Write(path, new AudioClip(samples, 1, 16000), WavEncoding.Float32);

    public void Dispose() => _folder.Dispose();
}
