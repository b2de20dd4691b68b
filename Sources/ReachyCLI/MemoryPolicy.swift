import Foundation

/// How the `reachy` process asks the C allocator (glibc) to treat large buffers.
///
/// Speech, recordings and rendered recitals are buffers of megabytes. glibc serves blocks from 128 KiB up with
/// their own pages at first, but after the first such block is freed it raises that threshold (up to 32 MiB) and
/// serves later ones from its arenas, which keep freed memory: `reachy serve` grew by 20–80 MiB with each recital
/// and never gave it back. A fixed threshold of 256 KiB keeps every large buffer in pages of its own, returned to
/// the system when freed (growing arrays are moved with `mremap`, not copied).
enum MemoryPolicy {
    /// Sets the threshold (once, at start). Harmless where the C library has no `mallopt`.
    static func returnLargeBuffersToTheSystem() {
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        _ = mallopt(mmapThreshold, 256 * 1024)
    }
}
