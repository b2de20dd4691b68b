#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// File-scope wrappers, so that types with their own `read`/`write`/`close` methods reach the C functions on both
// Glibc and Darwin.

@inline(__always) package func posixClose(_ descriptor: Int32) {
    _ = close(descriptor)
}

@inline(__always) package func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

@inline(__always) package func posixRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
