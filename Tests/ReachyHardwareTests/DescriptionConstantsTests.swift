import ReachyMiniDescription
import Testing

@testable import ReachyHardware

/// The hardware layer's constants agree with the robot description.
@Suite struct DescriptionConstantsTests {
    @Test func hardwareConstantsAreTheDescriptions() throws {
        let robot = try RobotDescription.reachyMini()
        #expect(robot.audio.cardName == SoundCards.reachyMiniAudioName)
        #expect(robot.audio.legacyCardName == SoundCards.legacyReachyMiniAudioName)
        #expect(robot.bus.baudRate == BaudRate.reachyMini)
        #expect(USBID.reachyMiniSerialAdapter == USBID(vendor: 0x1A86, product: 0x55D3))
        #expect(USBID.reachyMiniAudio == USBID(vendor: 0x38FB, product: 0x1001))
    }
}
