import PrepCLI

await InfraPrepCommand.runFromCommandLine()
