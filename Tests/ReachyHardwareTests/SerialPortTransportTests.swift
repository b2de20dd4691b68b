import CLibSerialPort
import Dynamixel
import Glibc
import Testing

@testable import ReachyHardware

@Suite(.serialized) struct SerialPortTransportTests {
    @Test func factoryFallsBackToTermiosForAPty() throws {
        let pty = try PseudoTerminal()
        let transport = try openTransport(path: pty.path, baud: 1_000_000)
        defer { transport.close() }
        #expect(transport is TermiosTransport)
        #expect(transport.name == pty.path)
        let ping: [UInt8] = [0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x03, 0x00, 0x01, 0x19, 0x4E]
        try transport.write(ping)
        #expect(pty.receive(count: ping.count) == ping)
        pty.send([0x55, 0x00])
        #expect(try transport.read(maxCount: 2, timeout: .seconds(2)) == [0x55, 0x00])
    }

    @Test func factoryReportsAMissingDevice() {
        let path = "/dev/ttyACM-reachy-bridge-missing"
        let error = #expect(throws: TransportError.self) { _ = try openTransport(path: path) }
        #expect(error == .notFound(path: path))
        #expect(
            error?.description
                == "No serial port at /dev/ttyACM-reachy-bridge-missing. Is the robot plugged in? "
                + "Run `reachy ports` to list the ports.")
    }

    @Test func factoryPassesTheBaudRateOn() throws {
        let pty = try PseudoTerminal()
        let transport = try openTransport(path: pty.path, baud: 57_600)
        defer { transport.close() }
        #expect((transport as? TermiosTransport)?.baudRate == 57_600)
    }

    @Test func libserialportReportsAMissingDeviceAsNotFound() {
        let path = "/dev/ttyUSB-reachy-bridge-missing"
        #expect(throws: TransportError.notFound(path: path)) { _ = try SerialPortTransport(path: path) }
    }

    @Test func libserialportExplainsWhyItRejectsAPty() throws {
        let pty = try PseudoTerminal()
        let error = #expect(throws: TransportError.self) { _ = try SerialPortTransport(path: pty.path) }
        guard case .io(let name, let operation, _, let message) = error else {
            Issue.record("expected an io error, got \(String(describing: error))")
            return
        }
        #expect(name == pty.path)
        #expect(operation == "Looking up the port")
        #expect(message.contains("a pseudo-terminal, or a symlink outside /dev"))
        #expect(message.contains("openTransport(path:baud:)"))
    }

    @Test func libserialportMessageDetailsComeFromTheLibrary() {
        // SP_ERR_ARG and friends carry fixed texts; SP_ERR_FAIL reads the OS error of the last call.
        let argument = LibSerialPortError.details(SP_ERR_ARG)
        #expect(argument.code == EINVAL)
        #expect(argument.message == "libserialport rejected an argument")
        let unsupported = LibSerialPortError.details(SP_ERR_SUPP)
        #expect(unsupported.message == "this operation is not supported by the port or the OS")
    }
}
