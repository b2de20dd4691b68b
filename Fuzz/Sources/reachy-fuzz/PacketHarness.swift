import Dynamixel

/// Feeds the input to a `PacketDecoder` in chunks whose sizes the input chooses, drains every packet, and checks
/// that each decoded packet survives encoding and decoding again. The same bytes also go through the fast-read
/// reply parser (with expectations taken from the input) and the ping-reply reader.
enum PacketHarness {
    static func run(_ bytes: [UInt8]) {
        guard let control = bytes.first else { return }
        let wire = Array(bytes.dropFirst())
        let chunk = Int(control & 0x3F) + 1
        let skipsIncomplete = control & 0x40 != 0
        var decoder = PacketDecoder()
        var offset = 0
        while offset < wire.count {
            let end = min(wire.count, offset + chunk)
            decoder.append(wire[offset..<end])
            offset = end
            drain(&decoder)
        }
        if skipsIncomplete {
            while decoder.skipIncompletePacket() { drain(&decoder) }
        }
        fastRead(wire, expectations: Array(bytes.prefix(9)))
    }

    /// Takes every complete packet out of `decoder`, checking each one.
    static func drain(_ decoder: inout PacketDecoder) {
        while let outcome = decoder.next() {
            guard case .success(let packet) = outcome else { continue }
            roundTrip(packet)
            if case .status(let status) = packet { _ = PingReply(status) }
        }
    }

    /// A decoded packet, encoded again, decodes to itself (fast-read replies are not unstuffed, so they are left out).
    static func roundTrip(_ packet: Packet) {
        let encoded = packet.encoded()
        guard packet.id != PacketFraming.broadcastID,
            encoded.count <= PacketFraming.prefixLength + PacketFraming.maxLength
        else { return }
        var again = PacketDecoder()
        again.append(encoded)
        guard case .success(let decoded) = again.next() else {
            preconditionFailure("a decoded packet no longer decodes once encoded: \(encoded)")
        }
        precondition(decoded == packet, "a packet changed through encoding and decoding: \(packet) → \(decoded)")
    }

    /// Parses `wire` as a fast-read reply expecting devices whose IDs and lengths come from `expectations`' bytes.
    static func fastRead(_ wire: [UInt8], expectations: [UInt8]) {
        let expected = expectations.enumerated().map { index, byte in
            FastReadReply.Expectation(id: UInt8(index + 1), length: Int(byte & 0x1F))
        }
        let results = FastReadReply.parse(raw: wire, expecting: expected)
        precondition(results.count == expected.count, "every expected device must get an answer")
    }
}
