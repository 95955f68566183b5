using AstDsl.Training.Errors;
using AstDsl.Training.Experiments;
using AstDsl.Training.Schedules;
using Xunit;

namespace AstDsl.Training.Tests;

public sealed class LearningRateScheduleTests
{
    [Fact]
    public void Warmup_follows_the_official_fifty_step_staircase()
    {
        var schedule = new LearningRateSchedule(ScheduleRecipe.Warmup(steps: 1000, interval: 50).ThenConstant(), 1e-4);
        Assert.Equal(0, schedule.BeforeStep(0));
        Assert.Equal(0, schedule.BeforeStep(49));
        Assert.Equal(1e-4 * 50 / 1000, schedule.BeforeStep(50), 15);
        Assert.Equal(1e-4 * 50 / 1000, schedule.BeforeStep(99), 15);
        Assert.Equal(1e-4 * 500 / 1000, schedule.BeforeStep(500), 15);
        Assert.Equal(1e-4, schedule.BeforeStep(1000), 15);
        Assert.Equal(1e-4, schedule.BeforeStep(5000), 15);
    }

    [Fact]
    public void MultiStep_decays_after_each_milestone_epoch_like_torch_MultiStepLR()
    {
        // milestones = range(2, 1000, 2): scheduler.step() after epochs 2, 4, 6 multiplies by gamma.
        var schedule = new LearningRateSchedule(ScheduleRecipe.MultiStep(start: 2, step: 2, gamma: 0.5), 1.0);
        var after = Enumerable.Range(1, 6).Select(e => schedule.AfterEpoch(e, 0)).ToArray();
        Assert.Equal(new[] { 1.0, 0.5, 0.5, 0.25, 0.25, 0.125 }, after);
    }

    [Fact]
    public void Plateau_halves_after_patience_epochs_without_improvement()
    {
        var schedule = new LearningRateSchedule(ScheduleRecipe.Plateau(patience: 1, factor: 0.5), 1.0);
        Assert.Equal(1.0, schedule.AfterEpoch(1, 0.5));
        Assert.Equal(1.0, schedule.AfterEpoch(2, 0.6));
        Assert.Equal(1.0, schedule.AfterEpoch(3, 0.6));
        Assert.Equal(0.5, schedule.AfterEpoch(4, 0.59));
        Assert.Equal(0.5, schedule.AfterEpoch(5, 0.58));
        Assert.Equal(0.25, schedule.AfterEpoch(6, 0.58));
    }

    [Fact]
    public void Schedule_state_continues_exactly_after_a_resume()
    {
        var settings = ScheduleRecipe.Warmup(steps: 100, interval: 50).ThenMultiStep(start: 1, step: 1, gamma: 0.9);
        var original = new LearningRateSchedule(settings, 1e-3);
        original.BeforeStep(50);
        original.AfterEpoch(1, 0);
        var resumed = new LearningRateSchedule(settings, 1e-3, original.State);
        Assert.Equal(original.BeforeStep(60), resumed.BeforeStep(60));
        Assert.Equal(original.AfterEpoch(2, 0), resumed.AfterEpoch(2, 0));
    }

    [Fact]
    public void Invalid_settings_name_the_setting()
    {
        var error = Assert.Throws<TrainingConfigurationException>(() =>
            ScheduleRecipe.MultiStep(start: 2, step: 0, gamma: 0.5));
        Assert.Equal("train.schedule", error.Setting);
    }
}
