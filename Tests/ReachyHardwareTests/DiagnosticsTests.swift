import Dynamixel
import Foundation
import ReachyMiniDescription
import Testing

@testable import ReachyHardware

@Suite struct DiagnosticsTests {
    private let acm = SerialPortDescriptor(
        name: "/dev/ttyACM0", transport: .usb, usbID: .reachyMiniSerialAdapter, serialNumber: "5AAF2623261")
    private let ftdi = SerialPortDescriptor(
        name: "/dev/ttyUSB0", transport: .usb, usbID: USBID(vendor: 0x0403, product: 0x6014))

    @Test func adapterFound() {
        let check = Diagnostics.adapterCheck(ports: [ftdi, acm])
        #expect(check.status == .ok)
        #expect(check.detail == "Reachy Mini adapter (USB 1a86:55d3) at /dev/ttyACM0, serial number 5AAF2623261.")
        #expect(check.fix == nil)
    }

    @Test func adapterMissingNamesOtherPorts() {
        let check = Diagnostics.adapterCheck(ports: [ftdi], usb: USBScan(devices: []))
        #expect(check.status == .failed)
        #expect(
            check.detail == "No Reachy Mini adapter (USB 1a86:55d3) is connected. Other USB serial ports: /dev/ttyUSB0."
        )
        #expect(check.fix?.contains("lsusb -d 1a86:55d3") == true)
    }

    @Test func adapterOnTheBusWithoutAPortBlamesTheDriver() {
        let usb = USBScan(devices: [USBDevice(id: .reachyMiniSerialAdapter, bus: 3, address: 9)])
        let check = Diagnostics.adapterCheck(ports: [], usb: usb)
        #expect(check.status == .failed)
        #expect(check.detail.hasPrefix("The adapter is on the USB bus (bus 3, device 9) but has no serial port"))
        #expect(check.fix?.contains("modprobe cdc_acm") == true)
    }

    @Test func twoAdaptersWarn() {
        var second = acm
        second.name = "/dev/ttyACM1"
        second.serialNumber = "OTHER"
        let check = Diagnostics.adapterCheck(ports: [acm, second])
        #expect(check.status == .warning)
        #expect(check.fix == "Unplug the robots you do not want, or choose one with --port /dev/ttyACM0.")
    }

    @Test func theShippedRulesFileCountsAsInstalled() throws {
        let url = hardwareDirectory().appendingPathComponent("99-reachy-mini.rules")
        let file = RuleFile(
            path: "/etc/udev/rules.d/99-reachy-mini.rules", contents: try String(contentsOf: url, encoding: .utf8))
        let check = Diagnostics.udevRuleCheck(platform: .linux, ruleFiles: [file])
        #expect(check.status == .ok)
        #expect(check.detail == "Installed: /etc/udev/rules.d/99-reachy-mini.rules.")
    }

    @Test func shippedRulesCarryTheDocumentedLines() throws {
        let text = try String(
            contentsOf: hardwareDirectory().appendingPathComponent("99-reachy-mini.rules"), encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(
            lines.contains(
                #"SUBSYSTEM=="usb", ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="55d3", MODE="0666", GROUP="dialout""#))
        #expect(
            lines.contains(
                #"SUBSYSTEM=="usb", ATTRS{idVendor}=="38fb", ATTRS{idProduct}=="1001", MODE="0666", GROUP="dialout""#))
        let tty = try #require(lines.first { $0.hasPrefix(#"SUBSYSTEM=="tty""#) })
        #expect(tty.contains(#"ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="55d3""#))
        #expect(tty.contains(#"SYMLINK+="reachy_mini""#))
        #expect(tty.contains(#"ENV{ID_MM_DEVICE_IGNORE}="1""#))
    }

    @Test func rulesMissingOrCommentedOutOrPartial() {
        let missing = Diagnostics.udevRuleCheck(platform: .linux, ruleFiles: [])
        #expect(missing.status == .warning)
        #expect(missing.fix?.hasPrefix("sudo cp hardware/99-reachy-mini.rules /etc/udev/rules.d/") == true)

        let commented = RuleFile(
            path: "/etc/udev/rules.d/50-x.rules",
            contents: #"# SUBSYSTEM=="usb", ATTRS{idVendor}=="1a86", ATTRS{idProduct}=="55d3", MODE="0666""#)
        #expect(Diagnostics.udevRuleCheck(platform: .linux, ruleFiles: [commented]).status == .warning)

        let adapterOnly = RuleFile(
            path: "/etc/udev/rules.d/50-x.rules",
            contents: #"SUBSYSTEM=="usb", ATTRS{idVendor}=="1A86", ATTRS{idProduct}=="55D3", MODE="0666""#)
        let partial = Diagnostics.udevRuleCheck(platform: .linux, ruleFiles: [adapterOnly])
        #expect(partial.status == .warning)
        #expect(
            partial.detail
                == "/etc/udev/rules.d/50-x.rules covers the adapter but no rule covers the audio board (38fb:1001).")

        #expect(Diagnostics.udevRuleCheck(platform: .macOS, ruleFiles: []).status == .skipped)
    }

    @Test func serialPermission() {
        func user(_ uid: UInt32, session: [String], configured: [String]) -> UserFacts {
            UserFacts(name: "ada", uid: uid, sessionGroups: session, configuredGroups: configured)
        }
        let member = Diagnostics.serialPermissionCheck(
            platform: .linux, user: user(1000, session: ["ada", "dialout"], configured: ["ada", "dialout"]))
        #expect(member.status == .ok)
        #expect(member.detail == "ada is in the dialout group.")

        #expect(
            Diagnostics.serialPermissionCheck(platform: .linux, user: user(0, session: ["root"], configured: ["root"]))
                .status == .ok)
        #expect(
            Diagnostics.serialPermissionCheck(platform: .linux, user: user(1000, session: ["uucp"], configured: []))
                .status == .ok)

        let stale = Diagnostics.serialPermissionCheck(
            platform: .linux, user: user(1000, session: ["ada"], configured: ["ada", "dialout"]))
        #expect(stale.status == .failed)
        #expect(stale.detail == "ada was added to the dialout group, but this login session started before that.")
        #expect(stale.fix?.hasPrefix("Log out and back in") == true)

        let outsider = Diagnostics.serialPermissionCheck(
            platform: .linux, user: user(1000, session: ["ada"], configured: ["ada"]))
        #expect(outsider.status == .failed)
        #expect(outsider.fix == "sudo usermod -aG dialout ada, then log out and back in.")

        #expect(
            Diagnostics.serialPermissionCheck(platform: .macOS, user: user(501, session: [], configured: [])).status
                == .skipped)
    }

    @Test func portOpenOutcomes() {
        #expect(Diagnostics.portOpenCheck(path: nil, result: nil).status == .skipped)
        let ok = Diagnostics.portOpenCheck(path: "/dev/ttyACM0", result: .success(()))
        #expect(ok.status == .ok)
        #expect(ok.detail == "Opened /dev/ttyACM0 at 1 Mbps 8N1 and released it.")

        let busy = Diagnostics.portOpenCheck(path: "/dev/ttyACM0", result: .failure(.busy(path: "/dev/ttyACM0")))
        #expect(busy.status == .failed)
        #expect(busy.detail == TransportError.busy(path: "/dev/ttyACM0").description)
        #expect(busy.fix?.contains("sudo fuser -v /dev/ttyACM0") == true)

        let denied = Diagnostics.portOpenCheck(
            path: "/dev/ttyACM0", result: .failure(.permissionDenied(path: "/dev/ttyACM0")))
        #expect(denied.fix?.contains("usermod -aG dialout") == true)
    }

    @Test func portOpenAgainstARealPty() throws {
        let pty = try PseudoTerminal()
        #expect(Diagnostics.portOpenCheck(path: pty.path, result: Diagnostics.tryOpening(pty.path)).status == .ok)
        let held = try TermiosTransport(path: pty.path)
        defer { held.close() }
        let check = Diagnostics.portOpenCheck(path: pty.path, result: Diagnostics.tryOpening(pty.path))
        #expect(check.status == .failed)
        #expect(check.detail == TransportError.busy(path: pty.path).description)
    }

    @Test func audioCard() {
        let reachy = SoundCard(
            index: 1, id: "ReachyMiniAudio", name: "Reachy Mini Audio", longName: "Pollen Robotics Reachy Mini Audio")
        let ok = Diagnostics.audioCardCheck(cards: [reachy])
        #expect(ok.status == .ok)
        #expect(ok.detail == "\"Reachy Mini Audio\" is ALSA card 1 (play with plughw:CARD=ReachyMiniAudio,DEV=0).")

        let absent = Diagnostics.audioCardCheck(cards: [], usb: USBScan(devices: []))
        #expect(absent.status == .warning)
        #expect(
            absent.detail
                == "No \"Reachy Mini Audio\" card (ALSA sees no sound card). Speech will use another device or none.")

        let unbound = Diagnostics.audioCardCheck(
            cards: [], usb: USBScan(devices: [USBDevice(id: .reachyMiniAudio, bus: 1, address: 4)]))
        #expect(unbound.status == .failed)
        #expect(unbound.fix?.contains("snd-usb-audio") == true)
    }

    @Test func checkText() {
        let check = DoctorCheck(title: "udev rule", status: .warning, detail: "Missing.", fix: "Install it.")
        #expect(check.description == "[warning] udev rule: Missing.\n    fix: Install it.")
        #expect(DoctorCheck(title: "T", status: .ok, detail: "Fine.").description == "[ok] T: Fine.")
    }

    @Test func runAllOnThisMachine() {
        // No robot here: every check answers, in the documented order, and none crashes.
        let checks = Diagnostics.runAll()
        #expect(
            checks.map(\.title) == [
                "Robot serial adapter", "udev rule", "Serial port permission (dialout)", "Serial port opens",
                "Robot sound card",
            ])
        let user = Diagnostics.currentUser()
        #expect(user.uid == UInt32(getuid()))
        #expect(!user.sessionGroups.isEmpty)
    }

    @Test func ruleFilesAreReadFromTheGivenDirectories() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reachy-rules-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: hardwareDirectory().appendingPathComponent("99-reachy-mini.rules"),
            to: directory.appendingPathComponent("99-reachy-mini.rules"))
        try "KERNEL==\"ttyS*\", MODE=\"0660\"\n".write(
            to: directory.appendingPathComponent("10-other.rules"), atomically: true, encoding: .utf8)
        let files = Diagnostics.installedRuleFiles(directories: [directory.path, "/nonexistent/rules.d"])
        #expect(files.map(\.path) == [directory.path + "/99-reachy-mini.rules"])
    }
}
