using System.CommandLine;
using AstDsl.Cli.Commands;

var root = new RootCommand("astc: define, train, evaluate and run Audio Spectrogram Transformers from .ast specs.")
{
    CheckCommand.Create(), FmtCommand.Create(), ShowCommand.Create(), RunCommand.Create(), EvalCommand.Create(),
    InferCommand.Create(), TagCommand.Create(), EmbedCommand.Create(), EnsembleCommand.Create(), StatsCommand.Create(), PrepareCommand.Create(),
    DemoDataCommand.Create(), DemoCommand.Create(),
};
return root.Parse(args).Invoke();
