public import Dynamixel

/// A Reachy Mini as it leaves the factory, at the wire level: nine servos (IDs 10–18) on a 1 Mbps bus, configured
/// as `ReachyMiniFactory` lists, torque off, every joint at 0 rad (raw 2048), a 5.0 V supply.
///
/// Ways in: `makeTransport()` (deterministic, synchronous, in process), `makeThreadedTransport()` (a real
/// blocking link served by a thread), or `PtySimulatorServer` (a pseudo-terminal any Dynamixel client can open).
public final class VirtualReachyMini: Sendable {
    /// The simulated bus; use it to inspect servos, move joints by hand, or inject faults.
    public let bus: VirtualBus

    /// A robot driven by `clock` (a `VirtualClock` by default, advanced by the caller), injecting `faults`
    /// reproducibly from `seed`.
    public init(
        clock: any SimulatorClock = VirtualClock(), seed: UInt64 = 0, faults: SimulatorFaults = SimulatorFaults(),
        interByteTimeout: Duration? = nil
    ) {
        let servos = ReachyMiniFactory.motors.map { ReachyMiniFactory.servo(for: $0) }
        bus = VirtualBus(
            servos: servos, clock: clock, seed: seed, faults: faults, baudRate: ReachyMiniFactory.baudRate,
            interByteTimeout: interByteTimeout)
    }

    /// The clock the robot runs on.
    public var clock: any SimulatorClock { bus.clock }

    /// A synchronous in-process transport: each write is answered before it returns, reads never wait. Fully
    /// deterministic with a `VirtualClock`. Unplugging makes writes throw `TransportError.disconnected`.
    public func makeTransport(name: String = "simulator") -> LoopbackTransport {
        let bus = self.bus
        return LoopbackTransport(name: name) { bytes throws(TransportError) in
            try bus.receive(bytes).bytes
        }
    }

    /// A threaded in-memory link: the host end is a blocking transport with real timeouts; a dedicated thread
    /// serves the device end (waiting out return delays and injected latency) until the link is closed.
    public func makeThreadedTransport(name: String = "simulator") -> InMemoryTransport {
        let (host, device) = InMemoryTransport.makePair(name: name)
        SimulatorThread.serve(bus: bus, device: device)
        return host
    }
}
