import CLibSerialPort
public import Dynamixel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens the serial port at `path` for a Dynamixel bus at `baud` (default: the Reachy Mini's 1 Mbps).
///
/// Real devices (USB adapters, native UARTs) go through libserialport (`SerialPortTransport`), which knows the
/// OS's port registry and sets non-standard speeds portably. libserialport 0.1.1 refuses any path it cannot find
/// in that registry — on Linux it requires `/sys/class/tty/<name>`, so pseudo-terminals (`/dev/pts/N`, the
/// simulator's and the Python test buses' ptys) and symlinks outside `/dev` fail with "No such file or
/// directory" although they exist. For such paths this falls back to plain termios (`TermiosTransport`).
/// Errors from actually opening a port libserialport does know (permission, busy) are reported as they are.
public func openTransport(path: String, baud: Int = BaudRate.reachyMini) throws(TransportError) -> any ByteTransport {
    guard pathExists(path) else { throw .notFound(path: path) }
    if let known = SerialPortTransport.lookUp(path: path) {
        sp_free_port(known)
        return try SerialPortTransport(path: path, baudRate: baud)
    }
    return try TermiosTransport(path: path, baudRate: baud)
}

/// Whether something exists at `path` (following symlinks: a dangling udev symlink counts as missing).
func pathExists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
}
