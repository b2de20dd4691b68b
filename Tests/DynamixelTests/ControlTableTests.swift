import Testing

@testable import Dynamixel

@Suite("Control table")
struct ControlTableTests {
    @Test(
        "names are found whatever their spelling",
        arguments: ["goal_position", "Goal Position", "goal-position", "GOALPOSITION", "GoalPosition"])
    func lookupByName(name: String) {
        #expect(ControlTable.register(named: name) == .goalPosition)
    }

    @Test func lookupFailsForUnknownNames() {
        #expect(ControlTable.register(named: "goal_positio") == nil)
        #expect(ControlTable.register(named: "") == nil)
        #expect(ControlTable.register(named: "shadow_id") == .secondaryID)
        #expect(ControlTable.register(named: "indirect_data_20")?.address == 227)
    }

    @Test func tableMatchesTheEManual() {
        // (address, size, access, signed) from dynamixel.md §2.
        let expected: [(String, UInt16, Int, Register.Access, Bool)] = [
            ("model_number", 0, 2, .read, false), ("model_information", 2, 4, .read, false),
            ("firmware_version", 6, 1, .read, false), ("id", 7, 1, .readWrite, false),
            ("baud_rate", 8, 1, .readWrite, false), ("return_delay_time", 9, 1, .readWrite, false),
            ("drive_mode", 10, 1, .readWrite, false), ("operating_mode", 11, 1, .readWrite, false),
            ("secondary_id", 12, 1, .readWrite, false), ("protocol_type", 13, 1, .readWrite, false),
            ("homing_offset", 20, 4, .readWrite, true), ("moving_threshold", 24, 4, .readWrite, false),
            ("temperature_limit", 31, 1, .readWrite, false), ("max_voltage_limit", 32, 2, .readWrite, false),
            ("min_voltage_limit", 34, 2, .readWrite, false), ("pwm_limit", 36, 2, .readWrite, false),
            ("current_limit", 38, 2, .readWrite, false), ("velocity_limit", 44, 4, .readWrite, false),
            ("max_position_limit", 48, 4, .readWrite, false), ("min_position_limit", 52, 4, .readWrite, false),
            ("startup_configuration", 60, 1, .readWrite, false), ("pwm_slope", 62, 1, .readWrite, false),
            ("shutdown", 63, 1, .readWrite, false), ("torque_enable", 64, 1, .readWrite, false),
            ("led", 65, 1, .readWrite, false), ("status_return_level", 68, 1, .readWrite, false),
            ("registered_instruction", 69, 1, .read, false), ("hardware_error_status", 70, 1, .read, false),
            ("velocity_i_gain", 76, 2, .readWrite, false), ("velocity_p_gain", 78, 2, .readWrite, false),
            ("position_d_gain", 80, 2, .readWrite, false), ("position_i_gain", 82, 2, .readWrite, false),
            ("position_p_gain", 84, 2, .readWrite, false), ("feedforward_2nd_gain", 88, 2, .readWrite, false),
            ("feedforward_1st_gain", 90, 2, .readWrite, false), ("bus_watchdog", 98, 1, .readWrite, false),
            ("goal_pwm", 100, 2, .readWrite, true), ("goal_current", 102, 2, .readWrite, true),
            ("goal_velocity", 104, 4, .readWrite, true), ("profile_acceleration", 108, 4, .readWrite, false),
            ("profile_velocity", 112, 4, .readWrite, false), ("goal_position", 116, 4, .readWrite, true),
            ("realtime_tick", 120, 2, .read, false), ("moving", 122, 1, .read, false),
            ("moving_status", 123, 1, .read, false), ("present_pwm", 124, 2, .read, true),
            ("present_current", 126, 2, .read, true), ("present_velocity", 128, 4, .read, true),
            ("present_position", 132, 4, .read, true), ("velocity_trajectory", 136, 4, .read, true),
            ("position_trajectory", 140, 4, .read, true), ("present_input_voltage", 144, 2, .read, false),
            ("present_temperature", 146, 1, .read, false), ("backup_ready", 147, 1, .read, false),
            ("indirect_address_1", 168, 2, .readWrite, false), ("indirect_address_20", 206, 2, .readWrite, false),
            ("indirect_data_1", 208, 1, .readWrite, false), ("indirect_data_20", 227, 1, .readWrite, false),
        ]
        for (key, address, size, access, signed) in expected {
            let register = ControlTable.register(at: address)
            #expect(register?.key == key, "address \(address)")
            #expect(register?.size == size && register?.access == access && register?.isSigned == signed, "\(key)")
        }
        #expect(ControlTable.registers.count == 54 + 40)
        // No two registers overlap.
        for (a, b) in zip(ControlTable.registers, ControlTable.registers.dropFirst()) {
            #expect(a.address + UInt16(a.size) <= b.address, "\(a.name) overlaps \(b.name)")
        }
    }

    @Test func undefinedAddressesAreUndefined() {
        for address: UInt16 in [14, 19, 28, 30, 40, 43, 56, 59, 61, 66, 67, 71, 75, 86, 87, 92, 97, 99, 148, 167, 228] {
            #expect(!ControlTable.isDefined(address: address, length: 1), "address \(address)")
        }
        #expect(ControlTable.isDefined(address: 132, length: 4))
        #expect(ControlTable.isDefined(address: 126, length: 10))  // current, velocity, position in one read
        #expect(!ControlTable.isDefined(address: 146, length: 4))  // runs into 148
        #expect(ControlTable.register(containing: 22) == .homingOffset)
    }

    @Test func eepromRulesFollowTheAddress() {
        #expect(Register.homingOffset.area == .eeprom && Register.homingOffset.requiresTorqueOff)
        #expect(Register.shutdown.requiresTorqueOff && Register.id.requiresTorqueOff)
        #expect(!Register.modelNumber.requiresTorqueOff)  // EEPROM but read-only
        #expect(Register.torqueEnable.area == .ram && !Register.torqueEnable.requiresTorqueOff)
        #expect(!Register.goalPosition.requiresTorqueOff)
    }

    @Test func valuesDecodeLittleEndianWithSign() {
        #expect(Register.presentPosition.value(from: [0x00, 0x08, 0x00, 0x00]) == 2048)
        #expect(Register.presentPosition.value(from: [0xFF, 0xFF, 0xFF, 0xFF]) == -1)
        #expect(Register.goalPosition.value(from: [0x00, 0xFF, 0xFF, 0xFD]) == -33_554_688)  // 0xFDFFFF00
        #expect(Register.presentCurrent.value(from: [0x00, 0x80]) == -32768)
        #expect(Register.presentInputVoltage.value(from: [0xFF, 0xFF]) == 65535)  // unsigned
        #expect(Register.presentPosition.value(from: [0x00, 0x08]) == nil)  // wrong size
        #expect(Register.goalPosition.bytes(of: -33_554_688) == [0x00, 0xFF, 0xFF, 0xFD])
        #expect(Register.goalCurrent.bytes(of: -1) == [0xFF, 0xFF])
    }

    @Test func writesAreRangeChecked() throws {
        #expect(try Register.goalPosition.encodeForWrite(2113) == [0x41, 0x08, 0x00, 0x00])
        #expect(throws: RegisterValueError.readOnly(register: "Present Position")) {
            try Register.presentPosition.encodeForWrite(0)
        }
        #expect(throws: RegisterValueError.outOfRange(register: "ID", value: 253, range: 0...252)) {
            try Register.id.encodeForWrite(253)
        }
        #expect(
            throws: RegisterValueError.notAllowed(register: "Operating Mode", value: 2, allowed: [0, 1, 3, 4, 5, 16])
        ) {
            try Register.operatingMode.encodeForWrite(2)
        }
        #expect(throws: RegisterValueError.self) { try Register.goalCurrent.encodeForWrite(-2353) }
        #expect(try Register.goalCurrent.encodeForWrite(-2352) == [0xD0, 0xF6])
        #expect(throws: RegisterValueError.self) { try Register.indirectData(1).encodeForWrite(256) }
    }

    @Test func modelDefaults() {
        #expect(Register.velocityLimit.defaultValue(forModel: 1200) == 445)
        #expect(Register.velocityLimit.defaultValue(forModel: 1190) == 1620)
        #expect(Register.currentLimit.defaultValue(forModel: 1240) == 2352)
        #expect(Register.shutdown.defaultValue(forModel: 1240) == 52)
        #expect(Register.indirectAddress(1).defaultValue == 208 && Register.indirectAddress(20).defaultValue == 227)
    }
}

@Suite("Units, errors, models")
struct UnitTests {
    @Test func radiansRoundToTheNearestCount() {
        #expect(DynamixelUnits.position(fromRadians: 0.1) == 2113)  // 2113.2
        #expect(DynamixelUnits.position(fromRadians: 0) == 2048)
        #expect(DynamixelUnits.position(fromRadians: -0.1) == 1983)  // 1982.8 rounds up, not truncated to 1982
        #expect(DynamixelUnits.position(fromRadians: -4) == -560)  // −559.6 rounds to −560
        #expect(DynamixelUnits.position(fromRadians: 0.86753) == 2614)  // 2613.54: the official driver writes 2613
        // Just over and under half a count from 2048 (0 rad).
        let halfCount = Double.pi / 4096
        #expect(DynamixelUnits.position(fromRadians: halfCount * 1.001) == 2049)
        #expect(DynamixelUnits.position(fromRadians: halfCount * 0.999) == 2048)
        #expect(DynamixelUnits.position(fromRadians: -halfCount * 0.999) == 2048)
        #expect(DynamixelUnits.position(fromRadians: .nan) == 0)
        #expect(DynamixelUnits.position(fromRadians: 1e12) == Int(Int32.max))
        #expect(DynamixelUnits.radians(fromPosition: 2048) == 0)
        #expect(abs(DynamixelUnits.radians(fromPosition: 0) + Double.pi) < 1e-12)
        #expect(abs(DynamixelUnits.radians(fromPosition: 3072) - Double.pi / 2) < 1e-12)
    }

    @Test func physicalUnits() {
        #expect(abs(Register.presentInputVoltage.physical(50) - 5.0) < 1e-9)
        #expect(abs(Register.presentVelocity.physical(100) - 22.9) < 1e-9)
        #expect(Register.presentCurrent.physical(-12) == -12)
        #expect(Register.presentTemperature.physical(31) == 31)
        #expect(Register.returnDelayTime.physical(250) == 500)
        #expect(RegisterUnit.voltage.raw(4.5) == 45)
        #expect(Register.presentInputVoltage.unit.symbol == "V")
    }

    @Test func hardwareErrorBitsDecode() {
        let status = HardwareErrorStatus(rawValue: 53)
        #expect(status.components == [.inputVoltage, .overheating, .electricalShock, .overload])
        #expect(status == .xl330DefaultShutdown)
        #expect(HardwareErrorStatus(rawValue: 52) == .reachyShutdown)
        #expect(HardwareErrorStatus(rawValue: 0x08).description == "motor encoder")
        #expect(HardwareErrorStatus(rawValue: 0).description == "no hardware error")
        let odd = HardwareErrorStatus(rawValue: 0x42)  // bits 1 and 6 are undefined
        #expect(odd.components.count == 1 && odd.description == "unknown bits 0x42")
        #expect(HardwareErrorStatus(rawValue: 0x20).messages.first?.hasPrefix("Overload") == true)
    }

    @Test func modelNames() {
        #expect(DynamixelModel.name(for: 1200) == "XL330-M288-T")
        #expect(DynamixelModel.name(for: 1190) == "XL330-M077-T")
        #expect(DynamixelModel.name(for: 1240) == "XC330-M288-T")
        #expect(DynamixelModel.name(for: 1030) == nil)
        #expect(PingReply(id: 1, modelNumber: 4242, firmware: 1).modelName == "model 4242")
    }
}

@Suite("ServoBus typed registers")
struct ServoBusRegisterTests {
    @Test func readDecodesSignedValues() throws {
        let servos = TestServoBus(ids: [1])
        servos.poke(1, address: 126, [0xFF, 0xFF])
        let bus = ServoBus(transport: servos.transport)
        #expect(try bus.read(.presentCurrent, from: 1) == -1)
        #expect(try bus.read(.presentPosition, from: 1) == 2049)
    }

    @Test func outOfRangeValuesAreNotSent() {
        let servos = TestServoBus(ids: [1])
        let bus = ServoBus(transport: servos.transport)
        #expect(throws: ServoBusError.invalidValue(.outOfRange(register: "LED", value: 2, range: 0...1))) {
            try bus.write(.led, value: 2, to: 1)
        }
        #expect(throws: ServoBusError.invalidValue(.readOnly(register: "Present Position"))) {
            try bus.write(.presentPosition, value: 0, to: 1)
        }
        #expect(servos.received.isEmpty)
    }

    @Test func eepromWriteWithTorqueOnIsRefusedUnlessForced() throws {
        let servos = TestServoBus(ids: [1])
        let bus = ServoBus(transport: servos.transport)
        try bus.write(.returnDelayTime, value: 0, to: 1)
        #expect(servos.peek(1, address: 9, count: 1) == [0])
        try bus.write(.torqueEnable, value: 1, to: 1)
        #expect(throws: ServoBusError.torqueIsOn(id: 1, register: "Return Delay Time")) {
            try bus.write(.returnDelayTime, value: 5, to: 1)
        }
        // Forced, the motor itself refuses, and the error names the register.
        do {
            try bus.write(.returnDelayTime, value: 5, to: 1, force: true)
            Issue.record("the write should have been refused")
        } catch {
            #expect(
                error == .statusError(id: 1, error: StatusError(error: .accessError), instruction: .write, address: 9))
            #expect(error.description.contains("Return Delay Time") && error.description.contains("torque off"))
        }
        #expect(servos.peek(1, address: 9, count: 1) == [0])
    }

    @Test func goalPositionStaysInsideTheMotorsLimits() throws {
        let servos = TestServoBus(ids: [11])
        servos.poke(11, address: 11, [3])  // position mode
        servos.poke(
            11, address: 48, Register.maxPositionLimit.bytes(of: 2958) + Register.minPositionLimit.bytes(of: 1502))
        let bus = ServoBus(transport: servos.transport)
        #expect(throws: ServoBusError.outsidePositionLimits(id: 11, value: 3000, limits: 1502...2958)) {
            try bus.write(.goalPosition, value: 3000, to: 11, force: true)
        }
        try bus.write(.goalPosition, value: 2958, to: 11)
        #expect(servos.peek(11, address: 116, count: 4) == [0x8E, 0x0B, 0, 0])
    }
}

@Suite("Register display")
struct RegisterDisplayTests {
    @Test func valuesReadLikeAPersonWould() {
        #expect(Register.goalPosition.display(2113) == "2113 (0.100 rad)")
        #expect(Register.presentPosition.display(0) == "0 (-3.142 rad)")
        #expect(Register.presentInputVoltage.display(50) == "50 (5.0 V)")
        #expect(Register.presentVelocity.display(-10) == "-10 (-2.290 rpm)")
        #expect(Register.presentCurrent.display(-12) == "-12 (-12 mA)")
        #expect(Register.presentTemperature.display(31) == "31 (31 °C)")
        #expect(Register.hardwareErrorStatus.display(36) == "36 (overheating, overload)")
        #expect(Register.modelNumber.display(1200) == "1200 (XL330-M288-T)")
        #expect(Register.baudRate.display(3) == "3 (1000000 bps)")
        #expect(Register.operatingMode.display(5) == "5 (current-based position)")
        #expect(Register.torqueEnable.display(1) == "1 (on)")
        #expect(Register.returnDelayTime.display(250) == "250 (500.000 µs)")
        #expect(Register.id.display(11) == "11")
        #expect(Register.homingOffset.display(-1024) == "-1024")
    }
}

@Suite("One baud table")
struct BaudRateTableTests {
    @Test func registerValuesSelectTheEManualRates() {
        #expect(DynamixelBaudRate.rates == [9_600, 57_600, 115_200, 1_000_000, 2_000_000, 3_000_000, 4_000_000])
        #expect(DynamixelBaudRate.rate(forRegisterValue: 3) == 1_000_000)
        #expect(DynamixelBaudRate.rate(forRegisterValue: 7) == nil)
        #expect(DynamixelBaudRate.rate(forRegisterValue: -1) == nil)
        #expect(DynamixelBaudRate.registerValue(forRate: 57_600) == 1)
        #expect(DynamixelBaudRate.registerValue(forRate: 250_000) == nil)
    }

    @Test func baudRateRegisterAcceptsExactlyTheTable() {
        #expect(Register.baudRate.range == 0...(DynamixelBaudRate.rates.count - 1))
        #expect(Register.baudRate.display(4) == "4 (2000000 bps)")
    }
}
