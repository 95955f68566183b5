using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace AstDsl.Network.Checkpoints;

/// <summary>
/// Reads and writes flat state dicts in the two formats PyTorch users exchange: <c>.safetensors</c> and
/// <c>torch.save</c> zip pickles (<c>.pth</c>/<c>.pt</c>/<c>.bin</c>). Wrappers common in released checkpoints
/// (<c>{'model': ...}</c>, <c>{'state_dict': ...}</c>) and the DataParallel prefix <c>module.</c> are removed.
/// </summary>
public static class StateDictFile
{
    private const string DataParallelPrefix = "module.";

    /// <summary>Loads every tensor of <paramref name="path"/> (CPU), keyed by its unwrapped, unprefixed name.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
            throw new CheckpointException(path, "file not found. Check the path in the spec (relative paths start at the spec's folder).");
        Dictionary<string, Tensor> raw;
        try
        {
            raw = StateDictProbe.Detect(path) == StateDictFormat.Safetensors ? Safetensors.LoadStateDict(path) : ReadPickle(path);
        }
        catch (Exception e) when (e is not CheckpointException)
        {
            throw new CheckpointException(path,
                $"not a readable PyTorch checkpoint ({e.GetType().Name}: {e.Message}). Expected a .safetensors file or a torch.save zip archive.", e);
        }
        if (raw.Count == 0) throw new CheckpointException(path, "contains no tensors.");
        return raw.ToDictionary(kv => StripPrefix(kv.Key), kv => kv.Value);
    }

    /// <summary>
    /// Reads <paramref name="path"/>, hands its tensors to <paramref name="use"/> and disposes them afterwards, so a
    /// transfer does not keep the whole checkpoint (hundreds of MB for base384) alive until the finalizers run.
    /// </summary>
    public static void Use(string path, Action<IReadOnlyDictionary<string, Tensor>> use)
    {
        var stateDict = Read(path);
        try
        {
            use(stateDict);
        }
        finally
        {
            foreach (var tensor in stateDict.Values) tensor.Dispose();
        }
    }

    /// <summary>
    /// Writes a state dict atomically: to a temporary file in the same folder, flushed, then renamed over the
    /// destination, so a crash never leaves a half-written checkpoint under the final name.
    /// </summary>
    public static void Write(string path, IReadOnlyDictionary<string, Tensor> stateDict)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        var cpu = stateDict.ToDictionary(kv => kv.Key, kv => kv.Value.detach().cpu().contiguous());
        try
        {
            if (IsSafetensors(full))
                Safetensors.SaveStateDict(temp, cpu);
            else
                using (var stream = File.Create(temp)) PyTorchPickler.PickleStateDict(stream, cpu.ToDictionary(kv => kv.Key, kv => (object)kv.Value));
            using (var stream = new FileStream(temp, FileMode.Open, FileAccess.ReadWrite)) stream.Flush(flushToDisk: true);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static bool IsSafetensors(string path) =>
        path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);

    private static Dictionary<string, Tensor> ReadPickle(string path)
    {
        using var stream = File.OpenRead(path);
        // The unpickler makes a storage tensor beside each view it returns: the scope frees those (and anything
        // outside the unwrapped state dict), the views keep their storage alive natively.
        using var scope = NewDisposeScope();
        var stateDict = Unwrap(PyTorchUnpickler.UnpickleStateDict(stream), path);
        foreach (var tensor in stateDict.Values) tensor.MoveToOuterDisposeScope();
        return stateDict;
    }

    // Released checkpoints nest the state dict ({'model': sd} for DeiT, {'state_dict': sd} for many trainers).
    private static Dictionary<string, Tensor> Unwrap(System.Collections.Hashtable table, string path)
    {
        foreach (var wrapper in new[] { "model", "state_dict", "module" })
            if (table[wrapper] is System.Collections.Hashtable inner) return Unwrap(inner, path);
        var result = new Dictionary<string, Tensor>();
        foreach (System.Collections.DictionaryEntry entry in table)
            if (entry.Value is Tensor tensor) result[(string)entry.Key] = tensor;
        return result;
    }

    private static string StripPrefix(string key) =>
        key.StartsWith(DataParallelPrefix, StringComparison.Ordinal) ? key[DataParallelPrefix.Length..] : key;
}
