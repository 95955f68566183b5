return AstDsl.Cli.AstcApp.Run(args);
