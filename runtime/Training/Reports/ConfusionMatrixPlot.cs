using System.Globalization;
using AstDsl.Training.Checkpoints;
using AstDsl.Training.Evaluation;

namespace AstDsl.Training.Reports;

/// <summary>A confusion-matrix heat map as PNG: true class down, predicted class across, counts in the cells when they fit.</summary>
public static class ConfusionMatrixPlot
{
    private const int MaxAnnotatedClasses = 20;

    /// <summary>Writes the matrix of <paramref name="predictions"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, Predictions predictions, IReadOnlyList<LabelInfo> labels, string title)
    {
        var counts = ConfusionMatrix.Count(predictions);
        var n = predictions.Classes;
        var values = new double[n, n];
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                values[i, j] = counts[i, j];

        var plot = new ScottPlot.Plot();
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.Extent = new ScottPlot.CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap);
        var brightest = Math.Max(1, counts.Cast<int>().Max());
        if (n <= MaxAnnotatedClasses)
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                {
                    var text = plot.Add.Text(counts[i, j].ToString(CultureInfo.InvariantCulture), j, i);
                    text.LabelAlignment = ScottPlot.Alignment.MiddleCenter;
                    // Viridis is bright at the top of its range: dark text there, light text on the dark cells.
                    text.LabelFontColor = counts[i, j] * 2 > brightest ? ScottPlot.Colors.Black : ScottPlot.Colors.White;
                }
        var names = Enumerable.Range(0, n).Select(i => labels.FirstOrDefault(l => l.Index == i)?.DisplayName ?? i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var positions = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, names);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, names);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = ScottPlot.Alignment.MiddleLeft;
        plot.Axes.SetLimits(-0.5, n - 0.5, n - 0.5, -0.5);
        plot.Title(title);
        plot.XLabel("predicted");
        plot.YLabel("true");
        var side = Math.Clamp(160 + 28 * n, 500, 2400);
        Runs.RunFiles.Write(path, () => plot.SavePng(path, side + 120, side));
    }
}
