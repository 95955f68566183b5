namespace AstDsl.Dsl.Binding;

/// <summary>"Did you mean" hints by Levenshtein distance.</summary>
internal static class Suggestions
{
    /// <summary>" (did you mean 'x'?)" for the closest candidate within a third of the name's length, else a list of the valid names.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var all = candidates.ToList();
        var best = all
            .Select(candidate => (candidate, distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(pair => pair.distance)
            .FirstOrDefault();
        var limit = Math.Max(2, name.Length / 3);
        return best.candidate is not null && best.distance <= limit
            ? $"did you mean '{best.candidate}'?"
            : $"expected one of: {string.Join(", ", all)}";
    }

    /// <summary>Edit distance with unit costs for insertion, deletion and substitution.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
