import ArgumentParser

extension ReachyCommand {
    /// Runs `reachy` with the process arguments through the asynchronous entry point.
    ///
    /// A bare `await ReachyCommand.main()` in the executable's top-level code resolves to the synchronous
    /// `ParsableCommand.main()`, which refuses an asynchronous root command at run time; calling `main()` from a
    /// context constrained to `AsyncParsableCommand` selects the asynchronous one.
    public static func runCommandLine() async {
        MemoryPolicy.returnLargeBuffersToTheSystem()
        await runAsyncRoot(ReachyCommand.self)
    }
}

private func runAsyncRoot<Command: AsyncParsableCommand>(_ command: Command.Type) async {
    await command.main()
}
