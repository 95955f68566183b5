AstDsl.Torch.TorchProcess.Prepare();
return AstDsl.Cli.AstcApp.Run(args);
