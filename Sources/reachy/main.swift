import ReachyCLI

await ReachyCommand.runCommandLine()
