import ReachyCLI

await ReachyCommand.main()
