using AstDsl.Cli.Console;
using Xunit;
using static AstDsl.Cli.Tests.DamagedInputTests;

namespace AstDsl.Cli.Tests;

/// <summary>Exit codes (0 ok, 1 spec errors, 2 anything else), --threads bounds, demo-data on a file, and the crash log instead of a stack trace.</summary>
public sealed class CommandLineContractTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    public static TheoryData<string> CommandsWithThreads => new() { "run", "eval", "infer", "ensemble", "demo" };

    [Theory]
    [MemberData(nameof(CommandsWithThreads))]
    public void Threads_above_the_core_count_are_refused_before_anything_runs(string command)
    {
        string[] operands = command switch
        {
            "run" => ["missing.ast"],
            "eval" or "infer" => [tiny.Checkpoint, tiny.GoodWav],
            "ensemble" => [tiny.Datafile, tiny.Checkpoint, tiny.Checkpoint],
            _ => [],
        };
        var outcome = Astc.Run([command, .. operands, "--threads", "100000"]);
        var cores = Environment.ProcessorCount;
        AssertHandled(outcome, 2,
            $"error: --threads 100000: this machine has {cores} core(s) and more threads than cores only slow torch down; use a whole number from 1 to {cores}.");
        Assert.Contains($"usage: astc {command} --help", outcome.Error);
    }

    [Fact]
    public void Threads_zero_is_refused_and_one_is_accepted()
    {
        AssertHandled(Astc.Run("infer", tiny.Checkpoint, tiny.GoodWav, "--threads", "0"), 2,
            $"--threads 0: use a whole number from 1 to {Environment.ProcessorCount}.");
        AssertHandled(Astc.Run("infer", tiny.Checkpoint, tiny.GoodWav, "--threads", "1"), 0, "class");
    }

    [Theory]
    [InlineData("infer")]
    [InlineData("eval")]
    public void Precision_bf16_is_accepted_and_an_unknown_word_is_refused(string command)
    {
        string[] operands = command == "eval" ? [tiny.Checkpoint, tiny.Datafile] : [tiny.Checkpoint, tiny.GoodWav];
        var bf16 = Astc.Run([command, .. operands, "--precision", "bf16"]);
        Assert.True(bf16.ExitCode == 0, bf16.Error);
        var fp16 = Astc.Run([command, .. operands, "--precision", "fp16"]);
        Assert.Equal(2, fp16.ExitCode);
        Assert.Contains("--precision fp16: use fp32 or bf16", fp16.Error);
    }

    [Fact]
    public void Demo_data_into_an_existing_file_is_refused()
    {
        var outcome = Astc.Run("demo-data", tiny.RandomBytes);
        AssertHandled(outcome, 2,
            $"error: {tiny.RandomBytes} is a file, not a folder; name a new or existing folder for the demo dataset (e.g. astc demo-data demo-data).");
    }

    [Fact]
    public void Demo_data_without_clips_is_refused_naming_the_option()
    {
        var outcome = Astc.Run("demo-data", Path.Combine(Path.GetTempPath(), "astdsl-never-written"), "--train-clips", "0");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("--train-clips 0: write at least 1 clip.", outcome.Error);
    }

    [Fact]
    public void Usage_errors_exit_with_2_not_the_spec_error_code()
    {
        var outcome = Astc.Run("evall", "x");
        AssertHandled(outcome, 2, "error: Unrecognized command or argument 'evall'.");
        Assert.Contains("usage: astc --help", outcome.Error);
    }

    [Fact]
    public void Spec_errors_exit_with_1()
    {
        var spec = tiny.File("broken.ast");
        File.WriteAllText(spec, "experiment broken\nmodel { width = }\n");
        var outcome = Astc.Run("check", spec);
        Assert.Equal(1, outcome.ExitCode);
        AssertNoCrash(outcome);
    }

    [Fact]
    public void An_unexpected_failure_prints_one_line_and_logs_the_stack_trace()
    {
        var log = tiny.File("crash.log");
        var (stderr, error) = (System.Console.Error, new StringWriter());
        System.Console.SetError(error);
        int code;
        try
        {
            code = UserErrors.Guard(() => throw new InvalidOperationException("index was bad\nsecond line"), () => log);
        }
        finally
        {
            System.Console.SetError(stderr);
        }
        Assert.Equal(2, code);
        Assert.Equal($"error: astc failed unexpectedly (InvalidOperationException: index was bad); the details are in {log}. Please report it with that file.{Environment.NewLine}",
            error.ToString());
        var logged = File.ReadAllText(log);
        Assert.Contains("System.InvalidOperationException: index was bad", logged);
        Assert.Contains("   at ", logged);
    }

    [Fact]
    public void A_user_facing_failure_is_one_line_without_a_log()
    {
        var (stderr, error) = (System.Console.Error, new StringWriter());
        System.Console.SetError(error);
        try
        {
            Assert.Equal(2, UserErrors.Guard(() => throw new FileNotFoundException("x.wav does not exist.")));
        }
        finally
        {
            System.Console.SetError(stderr);
        }
        Assert.Equal($"error: x.wav does not exist.{Environment.NewLine}", error.ToString());
    }
}
