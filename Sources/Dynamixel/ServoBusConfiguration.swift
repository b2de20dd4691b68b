/// How a `ServoBus` times and retries its transactions.
///
/// A reply is awaited for the time its bytes take on the wire (`bytes · 10 / baudRate` seconds, 8N1), plus each
/// responding device's return delay, plus a fixed latency allowance for the USB adapter and the OS. The defaults
/// suit a CDC-ACM adapter (the Reachy Mini Lite's CH343) or the Pi UART at 1 Mbps; use
/// `ServoBusConfiguration.ftdiLatency` for an FTDI adapter left at its default 16 ms latency timer.
public struct ServoBusConfiguration: Sendable, Hashable {
    /// The bus speed in bits per second (Reachy Mini: 1,000,000; factory-fresh XL330: 57,600).
    public var baudRate: Int
    /// Time allowed on top of the wire time for USB turnaround and scheduling.
    public var latencyAllowance: Duration
    /// Time each responding device may wait before answering (Return Delay Time, register 9, is in 2 µs units;
    /// the factory default 250 means 500 µs, Reachy Mini sets 0).
    public var returnDelay: Duration
    /// Further attempts after an attempt that got nothing back at all (not after a status error, which is an
    /// answer): silence suggests an absent or unpowered device, so it is not asked for long.
    public var retries: Int
    /// Further attempts, on top of `retries`, after attempts whose reply arrived damaged (a bad CRC, missing bytes,
    /// garbage): a damaged reply proves the device is there and answering, and on a noisy link (a stalling motor on
    /// a CH343 adapter) a few more tries usually get through. Silent attempts still stop at `retries`.
    public var noiseRetries: Int
    /// The devices' Status Return Level (register 68): 2 = reply to everything (default), 1 = only to Ping and
    /// reads, 0 = only to Ping. Below 2 the bus does not wait for replies to writes.
    public var statusReturnLevel: UInt8

    /// The latency allowance for an FTDI adapter at its default latency timer (16 ms, both directions).
    public static let ftdiLatency: Duration = .milliseconds(34)

    /// For a simulator answering from another thread of this process (`InMemoryTransport`): no wire time to
    /// speak of, but the simulator thread may wait for a CPU, so allow 50 ms before calling a motor missing.
    public static let inProcess = ServoBusConfiguration(latencyAllowance: .milliseconds(50), returnDelay: .zero)

    /// For a USB adapter with an FTDI chip left at its default 16 ms latency timer.
    public static let ftdi = ServoBusConfiguration(latencyAllowance: ftdiLatency)

    public init(
        baudRate: Int = 1_000_000, latencyAllowance: Duration = .milliseconds(2),
        returnDelay: Duration = .microseconds(500), retries: Int = 3, statusReturnLevel: UInt8 = 2,
        noiseRetries: Int = 10
    ) {
        self.baudRate = baudRate
        self.latencyAllowance = latencyAllowance
        self.returnDelay = returnDelay
        self.retries = retries
        self.noiseRetries = noiseRetries
        self.statusReturnLevel = statusReturnLevel
    }

    /// How long a reply may pause in the middle of a packet before its missing bytes are taken as lost: the bytes
    /// of one packet follow each other on the wire, so once part of a packet has arrived, a pause this long (a
    /// device's return delay plus the adapter's latency) ends the attempt without waiting out the whole reply time.
    public var interByteTimeout: Duration { returnDelay + latencyAllowance }

    /// The time `bytes` take on the wire: 10 bits per byte (8N1).
    public func wireTime(bytes: Int) -> Duration {
        let baud = Int64(max(baudRate, 1))
        return .nanoseconds(Int64(max(bytes, 0)) * 10 * 1_000_000_000 / baud)
    }

    /// How long to wait, from the moment a request is written, for `replyBytes` from `devices` devices.
    public func replyTimeout(sentBytes: Int, replyBytes: Int, devices: Int = 1) -> Duration {
        wireTime(bytes: sentBytes + replyBytes) + returnDelay * max(devices, 0) + latencyAllowance
    }
}
