using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>
/// Spectrogram-like clips with real structure: class k raises the energy of mel band k (with random time extent
/// and level) over background noise, so a model can only score above chance by learning where the energy is.
/// </summary>
internal static class SyntheticBands
{
    public const int Frames = 32;
    public const int MelBins = 32;

    public static (Tensor Features, Tensor Targets) Create(int clips, int classes, bool multiLabel, int seed)
    {
        var random = new Random(seed);
        var features = new float[clips, Frames, MelBins];
        var targets = new float[clips, classes];
        var bandWidth = MelBins / classes;
        for (var n = 0; n < clips; n++)
        {
            for (var t = 0; t < Frames; t++)
                for (var f = 0; f < MelBins; f++)
                    features[n, t, f] = (float)Gaussian(random);
            var active = multiLabel
                ? Enumerable.Range(0, classes).Where(_ => random.NextDouble() < 0.35).ToList()
                : new List<int> { random.Next(classes) };
            foreach (var k in active)
            {
                targets[n, k] = 1;
                var start = random.Next(Frames / 2);
                var length = Frames / 4 + random.Next(Frames / 2);
                var level = 1.0 + random.NextDouble();
                for (var t = start; t < Math.Min(Frames, start + length); t++)
                    for (var f = k * bandWidth; f < (k + 1) * bandWidth; f++)
                        features[n, t, f] += (float)level;
            }
        }
        return (tensor(features), tensor(targets));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
