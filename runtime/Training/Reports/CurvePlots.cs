using AstDsl.Training.Loop;
using AstDsl.Training.Runs;

namespace AstDsl.Training.Reports;

/// <summary>
/// Per-epoch curves as PNG: loss.png (train and eval loss), metrics.png (every metric, ensemble dashed), and for each
/// metric also measured on training (<c>train_</c>NAME, e.g. pretraining's masked_acc, mpc_loss, mpg_loss) NAME.png
/// with both curves on its own scale.
/// </summary>
public static class CurvePlots
{
    private const string TrainPrefix = "train_";

    private const int Width = 900;
    private const int Height = 520;

    /// <summary>Writes both pictures into the run folder.</summary>
    public static void Write(RunDirectory run, IReadOnlyList<EpochRecord> history, string mainMetric)
    {
        if (history.Count == 0) return;
        var epochs = history.Select(r => (double)r.Epoch).ToArray();

        var loss = new ScottPlot.Plot();
        AddLine(loss, epochs, history.Select(r => r.TrainLoss), "train loss", dashed: false);
        AddLine(loss, epochs, history.Select(r => r.EvalLoss), "eval loss", dashed: false);
        Label(loss, "Loss per epoch", "loss");
        RunFiles.Write(run.PlotFile("loss"), () => loss.SavePng(run.PlotFile("loss"), Width, Height));

        var metrics = new ScottPlot.Plot();
        foreach (var name in history[0].Metrics.Keys)
        {
            AddLine(metrics, epochs, history.Select(r => r.Metrics[name]), name == mainMetric ? $"{name} (main)" : name, dashed: false);
            if (history[0].EnsembleMetrics is not null)
                AddLine(metrics, epochs, history.Select(r => r.EnsembleMetrics![name]), $"{name} ensemble", dashed: true);
        }
        Label(metrics, "Evaluation metrics per epoch", "value");
        RunFiles.Write(run.PlotFile("metrics"), () => metrics.SavePng(run.PlotFile("metrics"), Width, Height));

        foreach (var name in Paired(history[0].Metrics.Keys))
        {
            var pair = new ScottPlot.Plot();
            AddLine(pair, epochs, history.Select(r => r.Metrics[TrainPrefix + name]), "train", dashed: true);
            AddLine(pair, epochs, history.Select(r => r.Metrics[name]), name == mainMetric ? "eval (main)" : "eval", dashed: false);
            Label(pair, $"{name} per epoch", name);
            RunFiles.Write(run.PlotFile(name), () => pair.SavePng(run.PlotFile(name), Width, Height));
        }
    }

    /// <summary>The metrics that also have a training curve (<c>train_</c>NAME), each with its own picture NAME.png.</summary>
    public static IEnumerable<string> Paired(IEnumerable<string> metricNames)
    {
        var names = metricNames.ToList();
        return names.Where(name => !name.StartsWith(TrainPrefix, StringComparison.Ordinal) && names.Contains(TrainPrefix + name));
    }

    private static void AddLine(ScottPlot.Plot plot, double[] xs, IEnumerable<double> ys, string label, bool dashed)
    {
        var line = plot.Add.Scatter(xs, ys.ToArray());
        line.LegendText = label;
        line.LineWidth = 2;
        line.MarkerSize = 6;
        if (dashed) line.LinePattern = ScottPlot.LinePattern.Dashed;
    }

    private static void Label(ScottPlot.Plot plot, string title, string yLabel)
    {
        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
    }
}
