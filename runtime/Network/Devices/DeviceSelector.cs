using TorchSharp;
using static TorchSharp.torch;

namespace AstDsl.Network.Devices;

/// <summary>Chooses the torch device at run time from <c>--device auto|cpu|cuda|cuda:N</c>.</summary>
public static class DeviceSelector
{
    /// <summary>
    /// <c>auto</c> picks CUDA when it is available and CPU otherwise; <c>cuda</c> fails with advice when this
    /// build has no CUDA backend (TorchSharp-cpu is the default; build with <c>-p:TorchBackend=cuda</c>).
    /// </summary>
    public static Device Resolve(string spec)
    {
        var text = spec.Trim().ToLowerInvariant();
        if (text == "auto") return cuda.is_available() ? CUDA : CPU;
        if (text == "cpu") return CPU;
        if (text == "cuda" || text.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!cuda.is_available())
                throw new ArgumentException(
                    $"--device {spec}: CUDA is not available here. This build uses the CPU backend unless built with " +
                    "-p:TorchBackend=cuda on a machine with an NVIDIA driver; use --device cpu or auto.");
            var index = text == "cuda" ? 0 : ParseIndex(text[5..], spec);
            if (index >= cuda.device_count())
                throw new ArgumentException($"--device {spec}: only {cuda.device_count()} CUDA device(s) present.");
            return new Device(DeviceType.CUDA, index);
        }
        throw new ArgumentException($"--device {spec}: expected auto, cpu, cuda or cuda:N.");
    }

    private static int ParseIndex(string text, string spec) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
            ? i
            : throw new ArgumentException($"--device {spec}: the CUDA index must be a whole number, as in cuda:0.");
}
