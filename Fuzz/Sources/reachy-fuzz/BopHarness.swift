import Bop

/// Compiles the input as a Bop program with the options the service uses, then formats what came out the ways
/// the CLI and the service do. Checks the compiler's promises: a timeline exactly when there are no errors.
enum BopHarness {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let result = BopCompiler.compile(text, options: BopOptions(seed: 1))
        precondition(result.hasErrors == (result.timeline == nil), "a timeline must come exactly without errors")
        _ = DiagnosticFormatter.human(result)
        _ = DiagnosticFormatter.json(result.diagnostics)
        if let timeline = result.timeline {
            _ = TimelineFormatter.json(timeline, diagnostics: result.diagnostics)
        }
    }
}
