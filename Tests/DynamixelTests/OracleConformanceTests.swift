import Foundation
import Testing

@testable import Dynamixel

/// Outside libraries against our codec, over a real pty: the peer is the host, this process plays the servos
/// with our decoder (what they send must decode to exactly the intended request) and our encoder (what we
/// answer, stuffed where needed, must decode on their side to the right value). Enabled when
/// `REACHY_ORACLE_PYTHON` points at the venv that `make oracles` builds.
@Suite("Conformance with outside peers (pty)", .serialized, .enabled(if: OracleRun.python != nil))
struct OracleConformanceTests {
    /// Whether `run` saw `request` sent to `id`, and whether the peer's bytes for it equal our encoding.
    private func check(_ run: OracleRun, _ id: UInt8, _ request: Request, sameBytes: Bool = true) {
        #expect(run.requests.contains { $0.id == id && $0.request == request }, "not received: \(id) \(request)")
        let ours = InstructionPacket(id: id, request: request).encoded()
        #expect(
            run.sent(ours) == sameBytes, "\(request): peer bytes \(sameBytes ? "differ from" : "equal") ours \(ours)")
    }

    @Test func rustypotStuffsAndDestuffsLikeUs() throws {
        let run = try OracleRun(library: "rustypot")
        #expect(run.json("ping") == "true")
        // rustypot stuffs goal 0xFDFFFF00; our decoder must get exactly those 4 bytes, and our encoder the same wire bytes.
        #expect(run.json("write_stuffed") == "null")
        let stuffedWrite = Request.write(address: 116, data: [0x00, 0xFF, 0xFF, 0xFD])
        check(run, 1, stuffedWrite)
        #expect(
            InstructionPacket(id: 1, request: stuffedWrite).encoded().prefix(7) == [
                0xFF, 0xFF, 0xFD, 0x00, 0x01, 0x0A, 0x00,
            ])
        // Our stuffed status packets decode on rustypot's side to the right values.
        #expect(run.json("read_back_stuffed") == "[0,255,255,253]")
        #expect(run.json("sync_read_raw") == "[[0,8,0,0],[0,255,255,253]]")
        #expect(run.json("sync_read_present_position") == "[2048,-33554688]")
        #expect(run.json("current_and_velocity") == "[255,255,253,0,0,0]")
        check(run, 0xFE, .syncRead(address: 132, length: 4, ids: [1, 2]))
        check(
            run, 0xFE,
            .syncWrite(
                address: 116, length: 4,
                entries: [
                    SyncWriteEntry(id: 1, data: [0x00, 0xFF, 0xFF, 0xFD]),
                    SyncWriteEntry(id: 2, data: [0x10, 0, 0, 0]),
                ]))
        // Access Error with no data, the Alert bit, and Reboot clearing it.
        #expect(run.json("undefined_address") == "[[],7]")
        #expect(run.json("alert") == "[[210,4,0,0],128]")
        #expect(run.json("reboot") == "true")
        check(run, 4, .reboot)
        #expect(run.json("after_reboot") == "[[210,4,0,0],0]")
    }

    @Test func dynamixelSDKReadsOurRepliesAndWeReadItsPackets() throws {
        let run = try OracleRun(library: "sdk")
        #expect(run.json("ping") == "[1200,0,0]")
        // The SDK's receive path de-stuffs our status; it reports unsigned values.
        #expect(run.json("read_stuffed") == "[4261412608,0,0]")
        #expect(run.json("sync_read") == "[0,2048,4261412608,3000]")
        // Our fast reply (running CRC, unstuffed) parses in the SDK.
        #expect(run.json("fast_sync_read") == "[0,2048,4261412608,3000]")
        check(run, 0xFE, .fastSyncRead(address: 132, length: 4, ids: [1, 2, 3]))
        #expect(run.json("bulk_read") == "[0,2048,31,50]")
        #expect(run.json("fast_bulk_read") == "[0,2048,31,50]")
        let entries = [
            BulkReadEntry(id: 1, address: 132, length: 4), BulkReadEntry(id: 2, address: 146, length: 1),
            BulkReadEntry(id: 3, address: 144, length: 2),
        ]
        check(run, 0xFE, .bulkRead(entries))
        check(run, 0xFE, .fastBulkRead(entries))
        let everyone = [1, 2, 3, 4, 5] + Array(10...18)
        let found = (run.results["broadcast_ping"] as? [Any])?.first as? [String: [Int]]
        #expect(found == Dictionary(uniqueKeysWithValues: everyone.map { (String($0), [1200, 52]) }))
        #expect(run.json("write_plain") == "[0,0]")
        check(run, 3, .write(address: 116, data: [0x23, 0x01, 0x00, 0x00]))
        #expect(run.json("sync_write") == "0")
        check(
            run, 0xFE,
            .syncWrite(
                address: 116, length: 4,
                entries: [
                    SyncWriteEntry(id: 1, data: [0x20, 0x01, 0, 0]), SyncWriteEntry(id: 2, data: [0x30, 0x02, 0, 0]),
                ]))
        // The SDK's TX bug: it does not stuff. We still decode the intended write, but its bytes are not ours.
        #expect(run.json("write_unstuffed_bug") == "[0,0]")
        check(run, 5, .write(address: 116, data: [0x00, 0xFF, 0xFF, 0xFD]), sameBytes: false)
        #expect(run.servos.peek(5, address: 116, count: 4) == [0x00, 0xFF, 0xFF, 0xFD])
        // Access Error without data: the SDK returns a garbage byte (our CRC's low byte, 0xB0) with error 7.
        #expect(run.json("undefined_address") == "[176,0,7]")
        #expect(run.json("alert") == "[1234,0,128]")
    }

    @Test func reachyMotorControllerTrafficMatchesOurs() throws {
        let run = try OracleRun(library: "rmmc")
        let positions = try #require(run.results["read_all_positions"] as? [Double])
        let expected = (0..<9).map { DynamixelUnits.radians(fromPosition: 1024 + 256 * $0) }
        #expect(positions.count == 9)
        for (got, want) in zip(positions, expected) { #expect(abs(got - want) < 1e-9) }
        check(run, 0xFE, .syncRead(address: 132, length: 4, ids: Array(10...18)))
        // 0.1 rad becomes 2113 on both sides (truncation, not rounding).
        let goal = Register.goalPosition.bytes(of: DynamixelUnits.position(fromRadians: 0.1))
        #expect(goal == [0x41, 0x08, 0x00, 0x00])
        check(
            run, 0xFE,
            .syncWrite(address: 116, length: 4, entries: (UInt8(10)...18).map { SyncWriteEntry(id: $0, data: goal) }))
    }

    @Test func reachyMotorControllerBreaksOnStuffedReplies() throws {
        // A negative oracle: rmmc 1.5.6 does not de-stuff, so a real servo's stuffed reply kills its read.
        let run = try OracleRun(library: "rmmc_stuffed") { $0.poke(10, address: 132, [0x00, 0xFF, 0xFF, 0xFD]) }
        let result = run.results["read_all_positions"] as? [String: Any]
        #expect(
            (result?["exception"] as? String)?.contains("TryFromSliceError") == true,
            "rmmc read: \(run.json("read_all_positions"))")
    }
}
