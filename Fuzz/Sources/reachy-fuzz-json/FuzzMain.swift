import FuzzSupport

/// The program's `main`. On Linux SwiftPM links an executable with `main` aliased to `reachy_fuzz_json_main` (so
/// tests can link it); this hands the command line to libFuzzer's own driver, which runs `fuzzOneInput`.
@_cdecl("reachy_fuzz_json_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    LibFuzzer.run(argc, argv, fuzzOneInput)
}
