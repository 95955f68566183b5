using AstDsl.Dsl.Diagnostics;
using AstDsl.Dsl.Parsing;
using AstDsl.Dsl.Text;

namespace AstDsl.Dsl.Loading;

/// <summary>Reads and parses a spec and, following <c>extends</c>, every spec it builds on.</summary>
public static class SpecLoader
{
    /// <summary>The longest spec in characters (1 MB of text; the shipped specs are about 1 KB).</summary>
    public const int MaxSpecLength = 1_000_000;

    /// <summary>Loads the chain that starts at <paramref name="path"/>. Never throws.</summary>
    public static SpecChain Load(string path, IFileSystem files)
    {
        var diagnostics = new List<Diagnostic>();
        var chain = new List<LoadedSpec>();
        var current = SpecPaths.Normalize(path);
        var text = files.TryReadAllText(current);
        if (text is null)
        {
            diagnostics.Add(DiagnosticCatalog.ExtendedSpecNotFound.At(SourceSpan.StartOf(current), $"cannot read spec '{current}'; check the path"));
            return new SpecChain(chain.ToValueList(), diagnostics.ToValueList());
        }

        var namedAt = SourceSpan.StartOf(current); // where the file being read is named: the command line, or an extends
        while (true)
        {
            if (text.Length > MaxSpecLength)
            {
                diagnostics.Add(DiagnosticCatalog.SpecTooLarge.At(namedAt,
                    $"'{current}' is longer than 1 MB ({MaxSpecLength} characters) or not a regular file; a spec is a short text file, check the path"));
                break;
            }

            var parsed = SpecParser.Parse(text, current);
            diagnostics.AddRange(parsed.Diagnostics);
            if (parsed.Syntax is null) break;
            chain.Add(new LoadedSpec(current, text, parsed.Syntax));
            var extends = parsed.Syntax.Extends;
            if (extends is null) break;

            var next = SpecPaths.Resolve(current, extends.Value);
            var cycle = chain.FindIndex(file => file.Path == next);
            if (cycle >= 0)
            {
                var loop = string.Join(" -> ", chain.Skip(cycle).Select(file => file.Path).Concat(new[] { next }));
                diagnostics.Add(DiagnosticCatalog.ExtendsCycle.At(extends.Span, $"specs extend each other in a cycle ({loop}); remove one of these extends"));
                break;
            }

            var nextText = files.TryReadAllText(next);
            if (nextText is null)
            {
                diagnostics.Add(DiagnosticCatalog.ExtendedSpecNotFound.At(
                    extends.Span, $"extended spec '{extends.Value}' not found (looked for '{next}'); paths are relative to the extending spec's folder"));
                break;
            }

            current = next;
            text = nextText;
            namedAt = extends.Span;
        }

        return new SpecChain(chain.ToValueList(), diagnostics.ToValueList());
    }
}
