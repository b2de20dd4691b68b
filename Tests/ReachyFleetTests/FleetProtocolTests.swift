import Foundation
import ReachyFleet
import Testing

/// The fleet's protocol without a broker: addresses, names, commands, tokens.
@Suite struct FleetProtocolTests {
    @Test func brokerAddressesAreParsed() throws {
        let plain = try BrokerAddress(parsing: "mqtt://127.0.0.1")
        #expect(plain.host == "127.0.0.1" && plain.port == 1883 && !plain.isSecure)
        let login = try BrokerAddress(parsing: "mqtt://teacher:s3cret@pi.local:1884")
        #expect(login.username == "teacher" && login.password == "s3cret" && login.port == 1884)
        #expect(!login.description.contains("s3cret"))
        #expect(try BrokerAddress(parsing: "mqtts://pi.local").port == 8883)
        #expect(throws: FleetError.self) { try BrokerAddress(parsing: "http://pi.local") }
        #expect(throws: FleetError.self) { try BrokerAddress(parsing: "mqtt://") }
    }

    @Test func namesMustBeOneTopicLevel() throws {
        for bad in ["", "a/b", "a+", "#", "with space", String(repeating: "x", count: 65)] {
            #expect(throws: FleetError.self) { try FleetTopics.check(bad, kind: "robot name") }
        }
        try FleetTopics.check("ada-2_B", kind: "robot name")
        let topics = try FleetTopics(classroom: "room1")
        #expect(topics.status("ada") == "reachy/class/room1/robot/ada/status")
        #expect(topics.robotTopic("reachy/class/room1/robot/ada/event")?.robot == "ada")
        #expect(topics.robotTopic("reachy/class/room2/robot/ada/event") == nil)
    }

    @Test func commandsRoundTripAndBadOnesAreRefusedWithTheirId() throws {
        let command = FleetCommand(token: "t", action: .run, program: "nod", at: 1_800_000_000.25)
        #expect(try FleetCommand.decode(command.encoded(), maxBytes: 1024) == command)
        let big = FleetCommand(id: "big", token: "t", action: .run, program: String(repeating: "nod\n", count: 400))
        #expect(throws: FleetCommandRejection.self) { try FleetCommand.decode(big.encoded(), maxBytes: 1024) }
        do {
            _ = try FleetCommand.decode(Array(#"{"v":1,"id":"x7","action":"dance"}"#.utf8), maxBytes: 1024)
            Issue.record("an unknown action was accepted")
        } catch {
            #expect(error.id == "x7" && error.message.contains("dance"))
        }
        #expect(throws: FleetCommandRejection.self) { try FleetCommand.decode(Array("not json".utf8), maxBytes: 99) }
        #expect(throws: FleetCommandRejection.self) {
            try FleetCommand.decode(Array(#"{"v":1,"id":"x","action":"run","at":"soon"}"#.utf8), maxBytes: 99)
        }
    }

    @Test func theClassTokenMustMatchExactly() throws {
        let token = try #require(ClassToken("open-sesame"))
        #expect(token.matches("open-sesame"))
        #expect(!token.matches("open-sesam"))
        #expect(!token.matches("open-sesame!"))
        #expect(!token.matches(nil))
        #expect(ClassToken("") == nil)
    }
}
