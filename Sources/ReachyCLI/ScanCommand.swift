import ArgumentParser
import Dynamixel

/// `reachy scan`: ping every ID on the bus and list the motors that answer.
struct ScanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "Find the motors on the bus: ID, model, firmware.",
        discussion: """
            Pings each ID in --ids (a range wider than 32 IDs with one broadcast ping). A Reachy Mini answers with IDs 10 to 18. With --json, prints an array of \
            {"id", "model", "model_name", "firmware"}. Exit status 1 when no motor answers.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(
        name: .long,
        help: ArgumentHelp("IDs to ping, as ranges and lists: 10-18, 1,3,5 (default: 0-252).", valueName: "ids"),
        transform: { text throws(CLIError) in IDList(try IDList.parse(text)) })
    var ids: IDList = IDList(Array(0...PacketFraming.maxDeviceID))

    @Flag(name: .long, help: "Print JSON instead of a table.")
    var json = false

    /// Above this many IDs, scan with one broadcast ping.
    static let broadcastThreshold = 32

    struct Found: Encodable, Equatable {
        let id: UInt8
        let model: UInt16
        let model_name: String
        let firmware: UInt8
    }

    func run() throws {
        let opened = try connection.openBus(fallBackToSimulator: true)
        defer { opened.close() }
        if !json {
            printNotice("Scanning \(ids.ids.count) IDs on \(opened.label) at \(connection.baud) bps…")
        }
        let replies: [PingReply]
        if ids.ids.count > Self.broadcastThreshold {
            // A wide range: one broadcast ping (every motor answers in turn, ~0.8 s) instead of a timeout per
            // absent ID; then the requested IDs that answered.
            let wanted = Set(ids.ids)
            replies = try opened.bus.broadcastPing().filter { wanted.contains($0.id) }
        } else {
            replies = try opened.bus.scan(ids: ids.ids, retries: 2)
        }
        let found = replies.map {
            Found(
                id: $0.id, model: $0.modelNumber, model_name: DynamixelModel.displayName(for: $0.modelNumber),
                firmware: $0.firmware)
        }
        guard !found.isEmpty else {
            throw CLIError(
                """
                No motor answered on \(opened.label) at \(connection.baud) bps. Check that the robot's power supply \
                is plugged in and switched on. Motors fresh from the factory listen at 57600 bps: try --baud 57600.
                """)
        }
        if json {
            try JSONOutput.print(found)
            return
        }
        print(
            TextTable.render(
                header: ["ID", "MODEL", "MODEL NAME", "FIRMWARE"],
                rows: found.map { ["\($0.id)", "\($0.model)", $0.model_name, "\($0.firmware)"] }))
        print("\(found.count) motor\(found.count == 1 ? "" : "s") found.")
    }
}
