AstDsl.Torch.TensorMemory.KeepFreedBlocks();
return AstDsl.Cli.AstcApp.Run(args);
