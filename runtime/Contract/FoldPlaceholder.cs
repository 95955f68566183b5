namespace AstDsl.Contract;

/// <summary>
/// The <c>{fold}</c> rule: with <c>data.folds</c>, each fold's run reads the datafiles with <c>{fold}</c> replaced by the
/// fold number. The checker rejects folds without a placeholder, so the runtime only substitutes.
/// </summary>
public static class FoldPlaceholder
{
    /// <summary>The placeholder text.</summary>
    public const string Token = "{fold}";

    /// <summary>True when <paramref name="path"/> names the fold.</summary>
    public static bool In(string? path) => path is not null && path.IndexOf(Token, StringComparison.Ordinal) >= 0;

    /// <summary>
    /// Why <paramref name="data"/> cannot run (folds listed but no datafile names the fold, so every fold would train on
    /// the same split; or a datafile names the fold but no folds are listed), or null. The checker reports it; the
    /// runtime refuses such settings before training with the same message.
    /// </summary>
    public static string? Problem(DataSettings data)
    {
        var named = In(data.TrainFile) || In(data.EvalFile) || In(data.SampleWeightFile);
        if (data.Folds.Count > 0 && !In(data.TrainFile) && !In(data.EvalFile))
            return $"folds are listed but neither data.train nor data.eval contains {Token}, so every fold trains on the same split; write e.g. \"train_{Token}.json\"";
        if (data.Folds.Count == 0 && named)
            return $"a datafile contains {Token} but data.folds is empty; list the folds, e.g. `folds = 1..5`, or write the file name without {Token}";
        return null;
    }

    /// <summary><paramref name="path"/> with the placeholder replaced by <paramref name="fold"/>.</summary>
    public static string Substitute(string path, int fold) =>
        path.Replace(Token, fold.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The single-split data settings of fold <paramref name="fold"/>.</summary>
    public static DataSettings ForFold(DataSettings data, int fold) => data with
    {
        TrainFile = Substitute(data.TrainFile, fold),
        EvalFile = Substitute(data.EvalFile, fold),
        SampleWeightFile = data.SampleWeightFile is { } weights ? Substitute(weights, fold) : null,
        Folds = Array.Empty<int>(),
    };
}
