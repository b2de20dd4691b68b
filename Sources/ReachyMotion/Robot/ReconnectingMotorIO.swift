import Dynamixel
import Synchronization

/// `MotorIO` over a servo bus that can be replaced: when the link fails and a `reopen` closure was given, it
/// tries (at most once a second, on the control-loop thread) to open a fresh transport; when the motors answer on
/// it, the new bus replaces the old one and the loop's no-reply fault clears by itself.
final class ReconnectingMotorIO: MotorIO, @unchecked Sendable {
    typealias Reopen = @Sendable () throws -> any ByteTransport

    private let current: Mutex<ServoBusMotorIO>
    private let reopen: Reopen?
    private let configuration: ServoBusConfiguration
    private let lastAttempt = Mutex<UInt64>(0)
    private let onReconnect: @Sendable (ServoBus) -> Void

    init(io: ServoBusMotorIO, reopen: Reopen?, onReconnect: @escaping @Sendable (ServoBus) -> Void) {
        self.current = Mutex(io)
        self.reopen = reopen
        self.configuration = io.bus.configuration
        self.onReconnect = onReconnect
    }

    var io: ServoBusMotorIO { current.withLock { $0 } }
    var jointCount: Int { io.jointCount }

    func readPositions() throws(MotorIOError) -> [Double?] {
        let io = self.io
        do {
            return try io.readPositions()
        } catch {
            tryReopen(failed: io)
            throw error
        }
    }

    func writeGoals(_ radians: [Double]) throws(MotorIOError) { try io.writeGoals(radians) }
    func setTorque(_ enabled: Bool) throws(MotorIOError) { try io.setTorque(enabled) }
    func readHardwareErrors() throws(MotorIOError) -> [Int: UInt8] { try io.readHardwareErrors() }

    private func tryReopen(failed: ServoBusMotorIO) {
        guard let reopen else { return }
        let now = PeriodicThread.now()
        let due = lastAttempt.withLock { last -> Bool in
            guard now &- last >= 1_000_000_000 else { return false }
            last = now
            return true
        }
        guard due, let transport = try? reopen() else { return }
        let bus = ServoBus(transport: transport, configuration: configuration)
        guard failed.ids.contains(where: { (try? bus.ping($0)) != nil }) else {
            transport.close()
            return
        }
        let fresh = ServoBusMotorIO(
            bus: bus, ids: failed.ids, names: failed.names, usesFastSyncRead: failed.usesFastSyncRead)
        current.withLock { $0 = fresh }
        failed.bus.transport.close()
        onReconnect(bus)
    }
}
