import Testing

@testable import Dynamixel

/// A Present Position value as the test servos hold it (2048 + id), little-endian.
private func position(_ id: UInt8) -> [UInt8] {
    let value = 2048 + Int(id)
    return [UInt8(value & 0xFF), UInt8(value >> 8), 0, 0]
}

private func makeBus(_ servos: TestServoBus, retries: Int = 3) -> ServoBus {
    ServoBus(transport: servos.transport, configuration: ServoBusConfiguration(retries: retries))
}

@Suite("ServoBus transactions")
struct ServoBusTransactionTests {
    @Test func pingDecodesModelAndFirmware() throws {
        let servos = TestServoBus(ids: [11], model: 1200, firmware: 52)
        let bus = makeBus(servos)
        let reply = try bus.ping(11)
        #expect(reply == PingReply(id: 11, modelNumber: 1200, firmware: 52, error: .ok))
        #expect(servos.received.map(\.instruction) == [.ping])
        #expect(bus.statistics.transactions == 1 && bus.statistics.retries == 0)
    }

    @Test func readAndWriteRoundTrip() throws {
        let servos = TestServoBus(ids: [1])
        let bus = makeBus(servos)
        #expect(try bus.read(id: 1, address: 132, length: 4) == position(1))
        try bus.write(id: 1, address: 116, data: [0x00, 0xFF, 0xFF, 0xFD])
        #expect(servos.peek(1, address: 116, count: 4) == [0x00, 0xFF, 0xFF, 0xFD])
        #expect(try bus.read(id: 1, address: 116, length: 4) == [0x00, 0xFF, 0xFF, 0xFD])
    }

    @Test func silentServoTimesOutAfterEveryRetry() {
        let servos = TestServoBus(ids: [])
        let bus = makeBus(servos, retries: 3)
        #expect(throws: ServoBusError.noReply(id: 5)) { try bus.read(id: 5, address: 132, length: 4) }
        let stats = bus.statistics
        #expect(stats.transactions == 1 && stats.retries == 3 && stats.timeouts == 4)
        #expect(servos.received.count == 4)
    }

    @Test func retriesAreConfigurable() {
        let servos = TestServoBus(ids: [])
        let bus = makeBus(servos, retries: 0)
        #expect(throws: ServoBusError.noReply(id: 5)) { try bus.ping(5) }
        #expect(servos.received.count == 1 && bus.statistics.timeouts == 1)
    }

    @Test func corruptedReplyIsRetried() throws {
        let servos = TestServoBus(ids: [3])
        servos.setFaults { $0.corruptNext[3] = 1 }
        let bus = makeBus(servos)
        #expect(try bus.read(id: 3, address: 132, length: 4) == position(3))
        #expect(bus.statistics.crcErrors == 1 && bus.statistics.retries == 1)
        #expect(servos.received.count == 2)
    }

    @Test func persistentCorruptionIsReportedAsCorrupted() {
        let servos = TestServoBus(ids: [3])
        servos.setFaults { $0.corruptNext[3] = 100 }
        let bus = makeBus(servos, retries: 2)
        #expect(throws: ServoBusError.corrupted(id: 3)) { try bus.read(id: 3, address: 132, length: 4) }
        // A damaged reply earns `noiseRetries` (default 10) attempts on top of `retries`: 1 + 2 + 10.
        #expect(bus.statistics.crcErrors == 13)
        #expect(bus.statistics.noisyAttempts == 13 && bus.statistics.replyAttempts == 13)
    }

    @Test func garbageBeforeTheReplyIsSkipped() throws {
        let servos = TestServoBus(ids: [2])
        servos.setFaults { $0.garbage = [0x00, 0xFF, 0xFF, 0xFD, 0xFD, 0x13, 0xFF, 0xFF, 0x37] }
        let bus = makeBus(servos)
        #expect(try bus.read(id: 2, address: 132, length: 4) == position(2))
        #expect(bus.statistics.retries == 0)
    }

    @Test func echoedRequestsAreNotReplies() throws {
        // The echo of a Read to ID 1 carries ID 1: it must not be taken for the reply, in any kind of call.
        let servos = TestServoBus(ids: [1, 2])
        servos.setFaults { $0.echo = true }
        let bus = makeBus(servos)
        #expect(try bus.read(id: 1, address: 132, length: 4) == position(1))
        #expect(
            try bus.syncRead(address: 132, length: 4, ids: [1, 2]).mapValues { try? $0.get() } == [
                1: position(1), 2: position(2),
            ])
        #expect(
            try bus.fastSyncRead(address: 132, length: 4, ids: [1, 2]).mapValues { try? $0.get() } == [
                1: position(1), 2: position(2),
            ])
        try bus.write(id: 2, address: 65, data: [1])
        #expect(bus.statistics.retries == 0 && bus.statistics.discardedPackets == 4)  // one echo per call
    }

    @Test func replyFromAnotherIDIsNeverTheAnswer() throws {
        let servos = TestServoBus(ids: [2])
        servos.setFaults { $0.foreignID = 9 }
        let bus = makeBus(servos)
        #expect(try bus.ping(2).id == 2)
        #expect(bus.statistics.discardedPackets == 1)

        // Only a foreign ID answers: that is no reply, not a wrong answer.
        servos.setFaults { $0.silent = [2] }
        #expect(throws: ServoBusError.noReply(id: 2)) { try bus.ping(2) }
    }

    @Test func onlyForeignReplyMeansNoReply() {
        // Servo 4 is absent; servo 6 (misconfigured) answers every request addressed to 4 as itself.
        let transport = LoopbackTransport { bytes in
            var decoder = PacketDecoder()
            decoder.append(bytes)
            guard case .success(.instruction(let packet))? = decoder.next(), packet.id == 4 else { return [] }
            return StatusPacket(id: 6, parameters: [0xB0, 0x04, 0x34]).encoded()
        }
        let bus = ServoBus(transport: transport, configuration: ServoBusConfiguration(retries: 1))
        #expect(throws: ServoBusError.noReply(id: 4)) { try bus.ping(4) }
        #expect(bus.statistics.discardedPackets == 2)
    }

    @Test func staleReplyWithWrongLengthIsDiscarded() throws {
        let servos = TestServoBus(ids: [5])
        servos.setFaults { $0.staleFirst = true }
        let bus = makeBus(servos)
        #expect(try bus.read(id: 5, address: 132, length: 4) == position(5))
        #expect(bus.statistics.discardedPackets == 1)
    }

    @Test func inputIsFlushedBeforeEachTransaction() throws {
        // Each reply is sent twice; without the flush, the copy of the 3-byte read would answer the ping.
        let servos = TestServoBus(ids: [1], model: 1200, firmware: 52)
        servos.poke(1, address: 40, [0x11, 0x22, 0x33])
        servos.setFaults { $0.duplicate = true }
        let bus = makeBus(servos)
        #expect(try bus.read(id: 1, address: 40, length: 3) == [0x11, 0x22, 0x33])
        #expect(try bus.ping(1) == PingReply(id: 1, modelNumber: 1200, firmware: 52))
    }

    @Test func statusErrorIsTypedAndNotRetried() {
        let servos = TestServoBus(ids: [1])
        servos.poke(1, address: 64, [1])  // torque on: EEPROM is locked
        let bus = makeBus(servos)
        #expect(
            throws: ServoBusError.statusError(
                id: 1, error: StatusError(error: .accessError), instruction: .write, address: 11)
        ) { try bus.write(id: 1, address: 11, data: [3]) }
        #expect(servos.received.count == 1 && bus.statistics.statusErrors == 1)
    }

    @Test func alertIsSurfacedButNotAFailure() throws {
        let servos = TestServoBus(ids: [1, 2])
        servos.setAlert(1, true)
        let bus = makeBus(servos)
        #expect(try bus.read(id: 1, address: 132, length: 4) == position(1))
        #expect(try bus.ping(1).error.alert)
        #expect(bus.alertingIDs == [1])
        _ = try bus.syncRead(address: 132, length: 4, ids: [1, 2])
        #expect(bus.alertingIDs == [1] && bus.statistics.alerts == 3)
        try bus.reboot(id: 1)
        #expect(bus.alertingIDs.isEmpty)
    }

    @Test func pingReplyWithAnErrorStillIdentifiesTheServo() throws {
        // A servo that flags an error number on its ping reply is still there: scan must list it.
        let transport = LoopbackTransport { bytes in
            var decoder = PacketDecoder()
            decoder.append(bytes)
            guard case .success(.instruction(let packet))? = decoder.next(), packet.id == 6 else { return [] }
            return StatusPacket(id: 6, error: StatusError(rawValue: 0x81), parameters: [0xB0, 0x04, 0x34]).encoded()
        }
        let bus = ServoBus(transport: transport)
        #expect(
            try bus.scan(ids: 5...7) == [
                PingReply(id: 6, modelNumber: 1200, firmware: 52, error: StatusError(rawValue: 0x81))
            ])
        #expect(bus.alertingIDs == [6])
    }

    @Test func transportFailureIsReported() {
        let transport = LoopbackTransport { _ throws(TransportError) in
            throw TransportError.disconnected(name: "usb", reason: "unplugged")
        }
        let bus = ServoBus(transport: transport)
        #expect(throws: ServoBusError.transport(.disconnected(name: "usb", reason: "unplugged"))) { try bus.ping(1) }
    }

    @Test func invalidArgumentsSendNothing() {
        let servos = TestServoBus(ids: [1])
        let bus = makeBus(servos)
        #expect(throws: ServoBusError.self) { try bus.read(id: 0xFE, address: 0, length: 1) }
        #expect(throws: ServoBusError.self) { try bus.ping(253) }
        #expect(throws: ServoBusError.self) { try bus.read(id: 1, address: 0, length: 0) }
        #expect(throws: ServoBusError.self) { try bus.syncRead(address: 132, length: 4, ids: [1, 1]) }
        #expect(throws: ServoBusError.self) { try bus.syncWrite(address: 116, length: 4, values: [1: [0, 0]]) }
        #expect(throws: ServoBusError.self) { try bus.send(.ping, to: 0xFE) }
        #expect(servos.received.isEmpty)
    }
}

@Suite("ServoBus broadcasts and groups")
struct ServoBusGroupTests {
    @Test func broadcastWritesAwaitNothing() throws {
        // A broadcast write gets no reply; waiting for one would end in .noReply.
        let servos = TestServoBus(ids: [1, 2])
        let bus = makeBus(servos)
        try bus.write(id: 0xFE, address: 65, data: [1])
        try bus.regWrite(id: 0xFE, address: 116, data: [0, 8, 0, 0])
        try bus.action()
        try bus.syncWrite(address: 64, length: 1, values: [1: [1], 2: [0]])
        try bus.bulkWrite([
            BulkWriteEntry(id: 1, address: 65, data: [0]), BulkWriteEntry(id: 2, address: 102, data: [5, 0]),
        ])
        #expect(servos.peek(1, address: 64, count: 2) == [1, 0] && servos.peek(2, address: 64, count: 2) == [0, 1])
        #expect(servos.peek(1, address: 116, count: 4) == [0, 8, 0, 0])
        #expect(servos.peek(2, address: 102, count: 2) == [5, 0])
        #expect(bus.statistics.timeouts == 0 && bus.statistics.transactions == 5)
    }

    @Test func syncReadSendsTheDaemonsBytes() throws {
        let servos = TestServoBus(ids: Array(10...18))
        let bus = makeBus(servos)
        let results = try bus.syncRead(address: 132, length: 4, ids: Array(10...18))
        #expect(
            servos.receivedBytes.first
                == VectorFiles.bytes(hex: "FF FF FD 00 FE 10 00 82 84 00 04 00 0A 0B 0C 0D 0E 0F 10 11 12 90 27"))
        for id in UInt8(10)...18 { #expect(try results[id]?.get() == position(id)) }
    }

    @Test func syncWriteSendsTheDaemonsBytes() throws {
        let servos = TestServoBus(ids: Array(10...18))
        let bus = makeBus(servos)
        try bus.syncWrite(address: 64, length: 1, values: Dictionary(uniqueKeysWithValues: (10...18).map { ($0, [1]) }))
        #expect(
            servos.receivedBytes
                == [
                    VectorFiles.bytes(
                        hex:
                            "FF FF FD 00 FE 19 00 83 40 00 01 00 0A 01 0B 01 0C 01 0D 01 0E 01 0F 01 10 01 11 01 12 01 3A 04"
                    )
                ])
    }

    @Test func missingMotorInSyncReadDoesNotHideTheOthers() throws {
        let servos = TestServoBus(ids: [1, 3])
        let bus = makeBus(servos, retries: 2)
        let results = try bus.syncRead(address: 132, length: 4, ids: [1, 2, 3])
        #expect(try results[1]?.get() == position(1))
        #expect(try results[3]?.get() == position(3))
        #expect(results[2] == .failure(.noReply(id: 2)))
        // The retries asked only the missing motor.
        let retried = servos.received.dropFirst().compactMap { try? $0.request().get() }
        #expect(
            retried == [.syncRead(address: 132, length: 4, ids: [2]), .syncRead(address: 132, length: 4, ids: [2])])
        #expect(bus.statistics.timeouts == 3)
    }

    @Test func syncReadReportsStatusErrorPerMotor() throws {
        let servos = TestServoBus(ids: [1, 2])
        let bus = makeBus(servos)
        let results = try bus.syncRead(address: 254, length: 4, ids: [1, 2])
        #expect(
            results[1]
                == .failure(
                    .statusError(id: 1, error: StatusError(error: .accessError), instruction: .syncRead, address: 254)))
        #expect(servos.received.count == 1)
    }

    @Test func bulkReadWithMissingMotor() throws {
        let servos = TestServoBus(ids: [1, 2])
        servos.poke(2, address: 146, [36])
        let bus = makeBus(servos, retries: 1)
        let results = try bus.bulkRead([
            BulkReadEntry(id: 1, address: 132, length: 4), BulkReadEntry(id: 7, address: 0, length: 2),
            BulkReadEntry(id: 2, address: 146, length: 1),
        ])
        #expect(try results[1]?.get() == position(1))
        #expect(try results[2]?.get() == [36])
        #expect(results[7] == .failure(.noReply(id: 7)))
    }

    @Test func fastSyncReadDecodesEveryMotor() throws {
        let servos = TestServoBus(ids: [1, 2, 3])
        let bus = makeBus(servos)
        let results = try bus.fastSyncRead(address: 132, length: 4, ids: [3, 1, 2])
        for id in UInt8(1)...3 { #expect(try results[id]?.get() == position(id)) }
        #expect(servos.received.count == 1 && bus.statistics.timeouts == 0)
    }

    @Test func truncatedFastSyncReadDeliversWhatArrived() throws {
        // Motor 2 is missing: the combined reply stops after motor 1's block.
        let servos = TestServoBus(ids: [1, 3])
        let bus = makeBus(servos, retries: 2)
        let results = try bus.fastSyncRead(address: 132, length: 4, ids: [1, 2, 3])
        #expect(try results[1]?.get() == position(1))
        #expect(try results[3]?.get() == position(3))
        #expect(results[2] == .failure(.noReply(id: 2)))
        // The retry moved the missing motor last, so motor 3 could answer.
        let second = try #require(servos.received.dropFirst().first).request().get()
        #expect(second == .fastSyncRead(address: 132, length: 4, ids: [3, 2]))
    }

    @Test func truncatedFastSyncReadWithoutRetriesReportsTheRest() throws {
        let servos = TestServoBus(ids: [1, 3])
        let bus = makeBus(servos, retries: 0)
        let results = try bus.fastSyncRead(address: 132, length: 4, ids: [1, 2, 3])
        #expect(try results[1]?.get() == position(1))
        #expect(results[2] == .failure(.noReply(id: 2)) && results[3] == .failure(.noReply(id: 3)))
    }

    @Test func corruptedFastBlockIsRetried() throws {
        let servos = TestServoBus(ids: [1, 2, 3])
        servos.setFaults {
            $0.corruptNext[2] = 1
            $0.garbage = [0x12, 0xFF]
        }
        let bus = makeBus(servos)
        let results = try bus.fastBulkRead([
            BulkReadEntry(id: 1, address: 132, length: 4), BulkReadEntry(id: 2, address: 132, length: 4),
            BulkReadEntry(id: 3, address: 6, length: 1),
        ])
        #expect(try results[1]?.get() == position(1))
        #expect(try results[2]?.get() == position(2))
        #expect(try results[3]?.get() == [52])
        #expect(bus.statistics.crcErrors >= 1 && bus.statistics.retries == 1)
    }

    @Test func oldFirmwareRefusesFastRead() throws {
        let servos = TestServoBus(ids: [1])
        servos.setFaults { $0.noFastRead = [1] }
        let bus = makeBus(servos)
        let results = try bus.fastSyncRead(address: 132, length: 4, ids: [1])
        #expect(
            results[1]
                == .failure(
                    .statusError(
                        id: 1, error: StatusError(error: .instructionError), instruction: .fastSyncRead, address: 132)))
    }

    @Test func broadcastPingAndScanFindThePresentServos() throws {
        let servos = TestServoBus(ids: [17, 10, 12])
        let bus = makeBus(servos)
        #expect(try bus.broadcastPing(timeout: .milliseconds(5)).map(\.id) == [10, 12, 17])
        #expect(try bus.scan(ids: 9...13).map(\.id) == [10, 12])
        #expect(servos.received.count == 1 + 5)  // scan does not retry absent IDs by default
    }

    @Test func unicastInstructionsGetTheirReplies() throws {
        let servos = TestServoBus(ids: [1])
        let bus = makeBus(servos)
        try bus.regWrite(id: 1, address: 116, data: [1, 2, 0, 0])
        #expect(servos.peek(1, address: 116, count: 2) == [0, 0])
        try bus.action(id: 1)
        #expect(servos.peek(1, address: 116, count: 2) == [1, 2])
        try bus.clear(id: 1)
        try bus.factoryReset(id: 1, option: .allButID)
        #expect(throws: ServoBusError.self) { try bus.factoryReset(id: 0xFE, option: .all) }
        #expect(bus.statistics.timeouts == 0)
        #expect(servos.received.map(\.instruction) == [.regWrite, .action, .clear, .factoryReset])
    }

    @Test func statusReturnLevelOneSkipsWriteReplies() throws {
        // Servos at level 1 answer reads but not writes: the bus must not wait (and fail) on writes.
        let transport = LoopbackTransport { _ in [] }
        let bus = ServoBus(transport: transport, configuration: ServoBusConfiguration(statusReturnLevel: 1))
        try bus.write(id: 1, address: 65, data: [1])
        #expect(throws: ServoBusError.noReply(id: 1)) { try bus.read(id: 1, address: 65, length: 1) }
    }
}

@Suite("ServoBus timing")
struct ServoBusTimingTests {
    @Test func timeoutsComeFromByteCounts() {
        let config = ServoBusConfiguration(
            baudRate: 1_000_000, latencyAllowance: .milliseconds(2), returnDelay: .zero)
        // Ping: 10 bytes out, 14 back = 240 µs at 1 Mbps, plus the allowance.
        #expect(config.replyTimeout(sentBytes: 10, replyBytes: 14) == .microseconds(2240))
        let slow = ServoBusConfiguration(baudRate: 57_600, latencyAllowance: .zero, returnDelay: .microseconds(500))
        // 576 bytes at 57600 baud = 100 ms; three devices add 1.5 ms of return delay.
        #expect(slow.replyTimeout(sentBytes: 76, replyBytes: 500, devices: 3) == .microseconds(101_500))
    }
}

@Suite("ServoBus error messages")
struct ServoBusErrorMessageTests {
    @Test func messagesSayWhatIsWrongAndWhatToDo() {
        let noReply = ServoBusError.noReply(id: 11).description
        #expect(noReply.contains("Motor 11") && noReply.contains("powered") && noReply.contains("reachy scan"))
        let refused = ServoBusError.statusError(
            id: 12, error: StatusError(alert: true, error: .dataLimitError), instruction: .write, address: 116
        ).description
        #expect(refused.contains("Motor 12 refused Write at address 116 (Goal Position)"))
        #expect(refused.contains("limits") && refused.contains("Hardware Error Status"))
        #expect(ServoBusError.corrupted(id: 3).description.contains("cable"))
        #expect(ServoBusError.torqueIsOn(id: 4, register: "ID").description.contains("torque_enable 0"))
        #expect(
            ServoBusError.outsidePositionLimits(id: 11, value: 9, limits: 1502...2958).description.contains(
                "1502 to 2958"))
        #expect(ServoBusError.transport(.busy(path: "/dev/ttyACM0")).description.contains("in use"))
        #expect(ServoBusError.noReply(id: 7).id == 7 && ServoBusError.invalidArgument("x").id == nil)
    }
}
