// MSBuild task (compiled by RoslynCodeTaskFactory from Directory.Build.targets).
//
// Why: TorchSharp 0.107.0's native shim libLibTorchSharp.so was linked against GCC 13's libstdc++ and so
// declares a need for GLIBCXX_3.4.32. The only symbol tied to that version is std::ios_base_library_init(),
// a link-time marker with no relocation against it, so nothing ever calls it. Debian 12 ships libstdc++ up
// to GLIBCXX_3.4.30 and the dynamic loader refuses the shim. Marking that one version requirement weak
// (VER_FLG_WEAK in its .gnu.version_r entry) turns the hard error into nothing at all, which is exactly
// what the loader does for optional versions. Only copies in build/publish output are patched, never the
// NuGet cache, and only when the system libstdc++ lacks the version.
#nullable enable
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>Marks missing GLIBCXX version requirements of native libraries as weak.</summary>
public sealed class WeakenMissingGlibcxx : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>Native libraries to inspect (and patch in place).</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Patches every library whose GLIBCXX needs the system libstdc++ cannot meet.</summary>
    public override bool Execute()
    {
        var systemLib = FindSystemLibStdCxx();
        if (systemLib == null)
        {
            Log.LogMessage(MessageImportance.Low, "No system libstdc++.so.6 found; nothing to patch.");
            return true;
        }
        var systemBytes = File.ReadAllBytes(systemLib);
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            var weakened = WeakenMissing(bytes, version => !Contains(systemBytes, Encoding.ASCII.GetBytes(version + "\0")));
            if (weakened.Length == 0) continue;
            var temp = path + ".weak.tmp";
            File.WriteAllBytes(temp, bytes);
            File.Copy(temp, path, overwrite: true);
            File.Delete(temp);
            Log.LogMessage(MessageImportance.High,
                $"Marked {string.Join(", ", weakened)} weak in {path} (system libstdc++ {systemLib} lacks it).");
        }
        return !Log.HasLoggedErrors;
    }

    private static string? FindSystemLibStdCxx()
    {
        var dirs = (Environment.GetEnvironmentVariable("LD_LIBRARY_PATH") ?? "")
            .Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries)
            .Concat(new[] { "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
                "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/lib" });
        return dirs.Select(d => Path.Combine(d, "libstdc++.so.6")).FirstOrDefault(File.Exists);
    }

    // Returns the GLIBCXX versions that were made weak; the byte array is edited in place.
    private static string[] WeakenMissing(byte[] elf, Func<string, bool> isMissing)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F'
            || elf[4] != 2 || elf[5] != 1)
            return Array.Empty<string>(); // not a little-endian ELF64 file: leave it alone
        var shoff = (long)BitConverter.ToUInt64(elf, 0x28);
        int shentsize = BitConverter.ToUInt16(elf, 0x3A), shnum = BitConverter.ToUInt16(elf, 0x3C);
        var result = new System.Collections.Generic.List<string>();
        for (var s = 0; s < shnum; s++)
        {
            var sh = (int)(shoff + s * shentsize);
            if (BitConverter.ToUInt32(elf, sh + 4) != ShtGnuVerneed) continue;
            var offset = (int)BitConverter.ToUInt64(elf, sh + 0x18);
            var link = BitConverter.ToUInt32(elf, sh + 0x28);
            var count = BitConverter.ToUInt32(elf, sh + 0x2C);
            var strtab = (int)BitConverter.ToUInt64(elf, (int)(shoff + link * shentsize) + 0x18);
            var vn = offset;
            for (var i = 0; i < count; i++)
            {
                var auxCount = BitConverter.ToUInt16(elf, vn + 2);
                var aux = vn + (int)BitConverter.ToUInt32(elf, vn + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(elf, strtab + (int)BitConverter.ToUInt32(elf, aux + 8));
                    var flags = BitConverter.ToUInt16(elf, aux + 4);
                    if (name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && (flags & VerFlgWeak) == 0 && isMissing(name))
                    {
                        var weak = BitConverter.GetBytes((ushort)(flags | VerFlgWeak));
                        elf[aux + 4] = weak[0];
                        elf[aux + 5] = weak[1];
                        result.Add(name);
                    }
                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }
                vn += (int)BitConverter.ToUInt32(elf, vn + 12);
            }
        }
        return result.ToArray();
    }

    private static string ReadString(byte[] bytes, int start)
    {
        var end = start;
        while (bytes[end] != 0) end++;
        return Encoding.ASCII.GetString(bytes, start, end - start);
    }

    private static bool Contains(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            var j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }
}
