import ReachyCLI

// Inside an async function `main()` resolves to the async entry point; a bare call in top-level code picks the
// synchronous overload, which refuses an async root command.
func runReachy() async { await ReachyCommand.main() }
await runReachy()
