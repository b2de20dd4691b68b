/// libFuzzer's driver, called from each harness binary's own `main` (see its `fuzzMain`).
public enum LibFuzzer {
    /// One input's callback, as libFuzzer calls it.
    public typealias Callback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Parses libFuzzer's flags from the command line and fuzzes `callback` until a limit or a finding.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ callback: Callback
    ) -> CInt {
        var count = argc
        var arguments = argv
        return llvmFuzzerRunDriver(&count, &arguments, callback)
    }
}

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size))` from
/// libclang_rt.fuzzer (pointer arguments only, so the Swift and C calling conventions agree).
@_silgen_name("LLVMFuzzerRunDriver")
func llvmFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: LibFuzzer.Callback
) -> CInt
