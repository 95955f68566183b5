using System.Text.RegularExpressions;
using Sprache;

namespace AstDsl.Dsl.Parsing;

/// <summary>
/// A regular-expression token matched in place. Sprache's own <c>Parse.Regex</c> copies the rest of the source
/// before every match, which made checking quadratic in the length of the file (80,000 list items took 44 s).
/// </summary>
internal static class AnchoredRegex
{
    /// <summary>A parser that matches <paramref name="pattern"/> exactly at the current position.</summary>
    public static Parser<string> Of(string pattern)
    {
        var regex = new Regex(@"\G(?:" + pattern + ")", RegexOptions.CultureInvariant);
        return input =>
        {
            var match = input.AtEnd ? Match.Empty : regex.Match(input.Source, input.Position);
            if (!match.Success)
                return Result.Failure<string>(input, $"unexpected '{(input.AtEnd ? "end of input" : input.Current.ToString())}'", new[] { pattern });
            var rest = input;
            for (var i = 0; i < match.Length; i++) rest = rest.Advance();
            return Result.Success(match.Value, rest);
        };
    }
}
