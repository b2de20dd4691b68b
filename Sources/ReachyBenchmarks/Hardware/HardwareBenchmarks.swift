import Dynamixel
import Foundation
import ReachyHardware
import ReachySimulator

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Benchmarks of the hardware layer that need no hardware. Not tests: run them from a release build.
public enum HardwareBenchmarks {
    /// Runs every benchmark.
    public static func run() throws -> [BenchmarkResult] {
        [try ptyRoundTrip()]
    }

    /// A Dynamixel-sized transaction through `TermiosTransport` over a pseudo-terminal: write a 10-byte ping,
    /// wait for a 14-byte status that an echo thread sends back. This is the floor a pty-based simulator adds
    /// to every bus transaction (a real adapter adds USB and wire time on top).
    public static func ptyRoundTrip(iterations: Int = 2_000) throws -> BenchmarkResult {
        var controller: Int32 = -1
        var device: Int32 = -1
        guard openpty(&controller, &device, nil, nil, nil) == 0, let rawName = ttyname(device) else {
            throw TransportError.io(
                name: "pty", operation: "Opening a pseudo-terminal", code: errno, message: errnoMessage(errno))
        }
        let path = String(cString: rawName)
        var settings = termios()
        tcgetattr(controller, &settings)
        cfmakeraw(&settings)
        tcsetattr(controller, TCSANOW, &settings)
        _ = DescriptorChannel.closeDescriptor(device)
        let transport = try TermiosTransport(path: path)
        defer { transport.close() }

        let ping: [UInt8] = [0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x03, 0x00, 0x01, 0x19, 0x4E]
        // The e-manual's example ping status (model 1030, firmware 0x26).
        let status: [UInt8] = [0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x07, 0x00, 0x55, 0x00, 0x06, 0x04, 0x26, 0x65, 0x5D]
        let echoDone = DispatchSemaphore(value: 0)
        let echoFD = controller
        let echo = Thread {
            var buffer = [UInt8](repeating: 0, count: 64)
            var pending = 0
            while true {
                let count = buffer.withUnsafeMutableBytes { read(echoFD, $0.baseAddress, $0.count) }
                if count <= 0 { break }
                pending += count
                while pending >= ping.count {
                    pending -= ping.count
                    _ = status.withUnsafeBytes { write(echoFD, $0.baseAddress, $0.count) }
                }
            }
            echoDone.signal()
        }
        echo.start()

        var samples: [Duration] = []
        samples.reserveCapacity(iterations)
        let clock = ContinuousClock()
        for _ in 0..<max(iterations, 1) {
            let start = clock.now
            try transport.write(ping)
            var received = 0
            while received < status.count {
                let chunk = try transport.read(maxCount: status.count - received, timeout: .seconds(1))
                if chunk.isEmpty {
                    throw TransportError.io(
                        name: path, operation: "Benchmark round trip", code: ETIMEDOUT, message: "the echo stopped")
                }
                received += chunk.count
            }
            samples.append(start.duration(to: clock.now))
        }
        transport.close()  // the echo thread's read() now fails with EIO and the thread ends
        echoDone.wait()
        _ = DescriptorChannel.closeDescriptor(controller)
        samples.sort()
        return BenchmarkResult(
            name: "termios pty round trip (10 B ping, 14 B status)",
            figures: [
                .microseconds("median", samples[samples.count / 2]),
                .microseconds("p99", samples[min(samples.count - 1, samples.count * 99 / 100)]),
                .microseconds("worst", samples[samples.count - 1]),
            ],
            note: "\(samples.count) round trips")
    }
}
