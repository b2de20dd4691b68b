import ReachyCLI

// Inside an async function the async `AsyncParsableCommand.main()` wins overload resolution; in top-level code
// the synchronous `ParsableCommand.main()` was chosen, which refuses to run an async root command.
func runReachy() async { await ReachyCommand.main() }
await runReachy()
