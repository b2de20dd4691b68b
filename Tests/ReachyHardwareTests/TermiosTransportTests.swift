import Dynamixel
import Foundation
import Testing

@testable import ReachyHardware

@Suite(.serialized) struct TermiosTransportTests {
    @Test func roundTripsEveryByteValueBothWays() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        defer { transport.close() }
        #expect(transport.name == pty.path)
        #expect(transport.baudRate == 1_000_000)

        // All 256 values, including the ones a cooked tty would eat (CR, LF, ^C, XON/XOFF, DEL).
        let allBytes = (0...255).map { UInt8($0) }
        try transport.write(allBytes)
        #expect(pty.receive(count: 256) == allBytes)

        let reply = Array(allBytes.reversed())
        pty.send(reply)
        var received: [UInt8] = []
        while received.count < reply.count {
            let chunk = try transport.read(maxCount: reply.count - received.count, timeout: .seconds(2))
            if chunk.isEmpty { break }
            received += chunk
        }
        #expect(received == reply)
    }

    @Test func readHonoursMaxCount() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        defer { transport.close() }
        pty.send([1, 2, 3, 4, 5])
        let first = try transport.read(maxCount: 2, timeout: .seconds(2))
        #expect(first == [1, 2])
        let rest = try transport.read(maxCount: 10, timeout: .seconds(2))
        #expect(rest == [3, 4, 5])
    }

    @Test func timeoutReturnsEmpty() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        defer { transport.close() }
        #expect(try transport.read(maxCount: 16, timeout: .milliseconds(20)) == [])
        #expect(try transport.read(maxCount: 16, timeout: .zero) == [])
    }

    @Test func flushInputDiscardsStaleBytes() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        defer { transport.close() }
        pty.send([0xCC, 0xDD])
        #expect(try waitUntilReadable(transport))
        try transport.flushInput()
        pty.send([0x01])
        #expect(try transport.read(maxCount: 8, timeout: .seconds(2)) == [0x01])
    }

    @Test func otherSideClosedIsDisconnected() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        defer { transport.close() }
        pty.closeController()
        #expect(throws: TransportError.disconnected(name: pty.path, reason: "the device hung up")) {
            _ = try transport.read(maxCount: 4, timeout: .seconds(2))
        }
    }

    @Test func missingPathIsNotFound() throws {
        let path = "/dev/reachy-bridge-test-no-such-port"
        let error = #expect(throws: TransportError.self) { _ = try TermiosTransport(path: path) }
        #expect(error == .notFound(path: path))
        #expect(
            error?.description
                == "No serial port at /dev/reachy-bridge-test-no-such-port. Is the robot plugged in? "
                + "Run `reachy ports` to list the ports.")
    }

    @Test func secondOpenerIsBusy() throws {
        let pty = try PseudoTerminal()
        let first = try TermiosTransport(path: pty.path)
        #expect(throws: TransportError.busy(path: pty.path)) { _ = try TermiosTransport(path: pty.path) }
        first.close()
        // Once released, the port opens again.
        let second = try TermiosTransport(path: pty.path)
        second.close()
    }

    @Test func useAfterCloseThrowsClosed() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        transport.close()
        transport.close()
        #expect(throws: TransportError.closed(name: pty.path)) { try transport.write([1]) }
        #expect(throws: TransportError.closed(name: pty.path)) { _ = try transport.read(maxCount: 1, timeout: .zero) }
        #expect(throws: TransportError.closed(name: pty.path)) { try transport.flushInput() }
    }

    @Test(arguments: DynamixelBaudRate.rates) func opensAtEveryDynamixelRate(rate: Int) throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path, baudRate: rate)
        defer { transport.close() }
        #expect(transport.baudRate == rate)
        try transport.write([0x42])
        #expect(pty.receive(count: 1) == [0x42])
    }

    @Test func oddRateIsRejectedWithTheList() throws {
        let pty = try PseudoTerminal()
        let error = #expect(throws: TransportError.self) { _ = try TermiosTransport(path: pty.path, baudRate: 250_000) }
        guard case .io(let name, let operation, _, let message) = error else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
        #expect(name == pty.path)
        #expect(operation == "Setting the speed to 250000 baud")
        #expect(message.contains("use one of 9600, 19200"))
        #expect(message.contains("1000000"))
    }

    @Test func regularFileIsNotASerialPort() throws {
        let path = "/tmp/reachy-bridge-not-a-tty-\(getpid())"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
        defer { _ = unlink(path) }
        let error = #expect(throws: TransportError.self) { _ = try TermiosTransport(path: path) }
        #expect(error?.description.contains("is not a serial port or terminal") == true)
    }

    @Test func signalsDuringAReadAreRetried() throws {
        installNoOpSignalHandler()
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        defer { transport.close() }
        let reader = ThreadID()
        let outcome = Outcome()
        let thread = JoinableThread {
            unblockSIGUSR1()
            reader.set(pthread_self())
            do {
                outcome.set("\(try transport.read(maxCount: 8, timeout: .seconds(10)))")
            } catch {
                outcome.set("\(error)")
            }
        }
        let id = reader.wait()
        // Interrupt the waiting poll() many times (each makes it fail with EINTR), then send the data.
        for _ in 0..<50 where outcome.value == nil {
            pthread_kill(id, SIGUSR1)
            usleep(2_000)
        }
        pty.send([7, 8, 9])
        thread.join()
        #expect(outcome.value == "[7, 8, 9]")
    }

    @Test func closeFromAnotherThreadEndsAPendingRead() throws {
        let pty = try PseudoTerminal()
        let transport = try TermiosTransport(path: pty.path)
        let outcome = Outcome()
        let thread = JoinableThread {
            do {
                let bytes = try transport.read(maxCount: 1, timeout: .seconds(30))
                outcome.set("returned \(bytes)")
            } catch {
                outcome.set("\(error)")
            }
        }
        usleep(50_000)
        transport.close()
        thread.join()
        #expect(outcome.value == TransportError.closed(name: pty.path).description)
    }
}

@Suite struct PollTimeoutTests {
    @Test func timeoutsRoundUpToWholeMilliseconds() {
        #expect(DescriptorChannel.milliseconds(.zero) == 0)
        #expect(DescriptorChannel.milliseconds(.milliseconds(-3)) == 0)
        #expect(DescriptorChannel.milliseconds(.microseconds(1)) == 1)
        #expect(DescriptorChannel.milliseconds(.microseconds(500)) == 1)
        #expect(DescriptorChannel.milliseconds(.milliseconds(10)) == 10)
        #expect(DescriptorChannel.milliseconds(.microseconds(10_001)) == 11)
        #expect(DescriptorChannel.milliseconds(.seconds(2)) == 2_000)
        #expect(DescriptorChannel.milliseconds(.seconds(10_000_000)) == Int32.max)
    }
}
