using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using TorchSharp.Modules;

namespace AstDsl.Training.Schedules;

/// <summary>
/// The learning-rate policy of the official traintest.py: an optional linear warm-up that sets
/// lr = peak * step / WarmupSteps every WarmupInterval optimiser steps up to WarmupSteps (so the first interval
/// runs at lr 0, as in the official code), then one of constant, MultiStepLR (milestones
/// range(DecayStart, 1000, DecayStep), stepped once per epoch) or ReduceLROnPlateau on the main metric. Decays
/// multiply the learning rate in force, as PyTorch's chainable schedulers do.
/// </summary>
public sealed class LearningRateSchedule
{
    private const int LastMilestone = 1000;
    private readonly ScheduleSettings _settings;
    private readonly double _peak;

    /// <summary>Starts at <paramref name="peakLearningRate"/>, or continues from <paramref name="state"/>.</summary>
    /// <exception cref="TrainingConfigurationException">A schedule parameter is out of range.</exception>
    public LearningRateSchedule(ScheduleSettings settings, double peakLearningRate, ScheduleState? state = null)
    {
        Validate(settings);
        _settings = settings;
        _peak = peakLearningRate;
        State = state ?? new ScheduleState(peakLearningRate, double.NegativeInfinity, 0);
    }

    /// <summary>The schedule's state (store it in checkpoints).</summary>
    public ScheduleState State { get; private set; }

    /// <summary>Learning rate in force.</summary>
    public double LearningRate => State.LearningRate;

    /// <summary>Applies warm-up before optimiser step number <paramref name="globalStep"/> (0-based) and returns the learning rate to use.</summary>
    public double BeforeStep(long globalStep)
    {
        var interval = _settings.WarmupInterval;
        if (_settings.Warmup && globalStep <= _settings.WarmupSteps
            && (globalStep % interval == 0 || globalStep == _settings.WarmupSteps))
            State = State with { LearningRate = _peak * globalStep / _settings.WarmupSteps };
        return State.LearningRate;
    }

    /// <summary>Applies the per-epoch rule after epoch <paramref name="epoch"/> (1-based) ended with main metric <paramref name="mainMetric"/>.</summary>
    public double AfterEpoch(int epoch, double mainMetric)
    {
        State = _settings.Kind switch
        {
            ScheduleKind.Constant => State,
            ScheduleKind.MultiStep => IsMilestone(epoch) ? State with { LearningRate = State.LearningRate * _settings.Gamma } : State,
            ScheduleKind.Plateau => PlateauRule.Observe(State, mainMetric, _settings.Patience, _settings.PlateauFactor),
            _ => throw new ArgumentOutOfRangeException(nameof(_settings.Kind), _settings.Kind, "unknown schedule"),
        };
        return State.LearningRate;
    }

    /// <summary>Writes the current learning rate into every parameter group of <paramref name="optimizer"/>.</summary>
    public void ApplyTo(OptimizerHelper optimizer)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = State.LearningRate;
    }

    private bool IsMilestone(int epoch) =>
        epoch >= _settings.DecayStart && epoch < LastMilestone && (epoch - _settings.DecayStart) % _settings.DecayStep == 0;

    private static void Validate(ScheduleSettings s)
    {
        if (s.Warmup && (s.WarmupSteps < 1 || s.WarmupInterval < 1))
            throw new TrainingConfigurationException("train.schedule.warmup", $"steps ({s.WarmupSteps}) and interval ({s.WarmupInterval}) must be at least 1.");
        if (s.Kind == ScheduleKind.MultiStep && (s.DecayStep < 1 || s.DecayStart < 0))
            throw new TrainingConfigurationException("train.schedule", $"MultiStep needs start >= 0 and step >= 1, got start {s.DecayStart}, step {s.DecayStep}.");
        if (s.Gamma is <= 0 or > 1 || s.PlateauFactor is <= 0 or >= 1)
            throw new TrainingConfigurationException("train.schedule", $"gamma must be in (0, 1] and the plateau factor in (0, 1); got {s.Gamma} and {s.PlateauFactor}.");
        if (s.Patience < 0)
            throw new TrainingConfigurationException("train.schedule.patience", $"must be >= 0, got {s.Patience}.");
    }
}
