namespace AstDsl.Dsl.Text;

/// <summary>
/// A range of characters in one spec file. Lines and columns are 1-based, as editors and compilers print them;
/// <see cref="Start"/> and <see cref="Length"/> are character offsets for tools that need them.
/// </summary>
/// <param name="File">Path of the spec file, as it was loaded.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="Length">Number of characters.</param>
/// <param name="Line">Line of the first character.</param>
/// <param name="Column">Column of the first character.</param>
/// <param name="EndLine">Line just after the last character.</param>
/// <param name="EndColumn">Column just after the last character.</param>
public readonly record struct SourceSpan(string File, int Start, int Length, int Line, int Column, int EndLine, int EndColumn)
{
    /// <summary>An empty span at the first character of <paramref name="file"/>, for problems that concern a whole file.</summary>
    public static SourceSpan StartOf(string file) => new(file, 0, 0, 1, 1, 1, 1);

    /// <summary>"file(line,col)", the location format of compiler messages.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}
