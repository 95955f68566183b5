using static TorchSharp.torch;

namespace AstDsl.Training.Tests;

/// <summary>
/// Spectrogram-like clips with real structure: class k raises the energy of every mel bin f with f mod classes == k
/// (a harmonic comb with its own offset) for a random stretch of time and level over background noise. The comb is
/// visible inside every 16 x 16 patch, so a transformer trained from scratch can detect it without first having to
/// learn position embeddings; the model still has to learn the spectral pattern to score above chance.
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
                var start = random.Next(Frames / 4);
                var length = Frames / 2 + random.Next(Frames / 4);
                var level = 2.0 + random.NextDouble();
                for (var t = start; t < Math.Min(Frames, start + length); t++)
                    for (var f = k; f < MelBins; f += classes)
                        features[n, t, f] += (float)level;
            }
        }
        return (tensor(features), tensor(targets));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
