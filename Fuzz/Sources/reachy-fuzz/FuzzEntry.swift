import Foundation

/// libFuzzer's entry point: hands each input to the harness that `REACHY_FUZZ_TARGET` names (`bop`, `packet`,
/// or `digest`). An input that crashes, hangs or allocates too much is a finding; libFuzzer saves it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}
