using AstDsl.Training.Progress;
using AstDsl.Training.Loop;
using Spectre.Console;

namespace AstDsl.Cli.Console;

/// <summary>A live Spectre.Console progress bar for terminals: step, loss, learning rate, throughput and ETA.</summary>
internal sealed class LiveProgressReporter : IProgressReporter
{
    private readonly ProgressContext _context;
    private ProgressTask? _task;

    public LiveProgressReporter(ProgressContext context) => _context = context;

    public void Step(StepProgress progress)
    {
        _task ??= _context.AddTask("training", maxValue: (double)progress.Epochs * progress.Batches);
        _task.Value = (double)(progress.Epoch - 1) * progress.Batches + progress.Batch;
        _task.Description = Markup.Escape(progress.Describe());
    }

    public void EpochFinished(EpochRecord record, string mainMetric) =>
        AnsiConsole.MarkupLine("[green]{0}[/]", Markup.Escape(EpochSummary.Describe(record, mainMetric)));

    public void Message(string text) => AnsiConsole.MarkupLine("[grey]{0}[/]", Markup.Escape(text));
}
