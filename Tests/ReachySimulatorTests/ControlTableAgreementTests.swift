import Dynamixel
import Testing

@testable import ReachySimulator

/// The simulator's control table (the "outside" servo, typed in separately on purpose) and the driver's
/// (`Dynamixel.ControlTable`) describe the same X330 servo: same registers at the same addresses, same size,
/// access, signedness and accepted values.
@Suite struct ControlTableAgreementTests {
    @Test func bothTablesDefineTheSameAddresses() {
        #expect(VirtualControlTable.registers.map(\.address).sorted() == ControlTable.registers.map { Int($0.address) })
    }

    @Test(arguments: VirtualControlTable.registers)
    func registerAgrees(_ simulated: VirtualRegister) throws {
        let driver = try #require(
            ControlTable.register(at: UInt16(simulated.address)), "the driver has no register at \(simulated)")
        #expect(driver.name == simulated.name)
        #expect(driver.size == simulated.size, "\(simulated.name)")
        #expect((driver.access == .readWrite) == (simulated.access == .readWrite), "\(simulated.name) access")
        #expect(driver.isSigned == simulated.signed, "\(simulated.name) signedness")
        guard simulated.access == .readWrite else { return }
        switch simulated.check {
        case .none:
            #expect(driver.range == nil, "\(simulated.name): the simulator takes any value")
        case .range(let low, let high):
            #expect(driver.range == Int(low)...Int(high), "\(simulated.name) range")
            #expect(driver.allowedValues == nil, "\(simulated.name) allowed values")
        case .oneOf(let values):
            #expect(driver.allowedValues == values.map(Int.init), "\(simulated.name) allowed values")
        case .limit:
            // The servo checks these against other registers (configured limits); the driver against the widest
            // such limit. Both refuse what no configuration allows.
            #expect(driver.range != nil, "\(simulated.name): the driver has no bound for a limited register")
        }
    }
}
