public import Dynamixel
import Foundation
import ReachyMiniDescription

/// The checks behind `reachy doctor`, as pure functions of facts about the machine, plus `gather…` helpers
/// in `Diagnostics+System.swift` that collect those facts.
public enum Diagnostics {
    /// The groups that grant serial-port access (Debian/Ubuntu `dialout`, Arch `uucp`).
    public static let serialGroups = ["dialout", "uucp"]

    /// Is the robot's USB-serial adapter connected and listed as a serial port?
    public static func adapterCheck(ports: [SerialPortDescriptor], usb: USBScan? = nil) -> DoctorCheck {
        let title = "Robot serial adapter"
        switch PortDiscovery.selectRobotPort(from: ports) {
        case .found(let port, let others):
            var detail = "Reachy Mini adapter (USB \(USBID.reachyMiniSerialAdapter)) at \(port.name)"
            if let serial = port.serialNumber { detail += ", serial number \(serial)" }
            if !others.isEmpty { detail += "; also listed as \(others.map(\.name).joined(separator: ", "))" }
            return DoctorCheck(title: title, status: .ok, detail: detail + ".")
        case .ambiguous(let candidates):
            return DoctorCheck(
                title: title, status: .warning,
                detail:
                    "Several Reachy Mini adapters are connected: \(candidates.map(\.name).joined(separator: ", ")).",
                fix: "Unplug the robots you do not want, or choose one with --port \(candidates[0].name).")
        case .notFound:
            if let device = usb?.devices.first(where: { $0.id == .reachyMiniSerialAdapter }) {
                return DoctorCheck(
                    title: title, status: .failed,
                    detail: """
                        The adapter is on the USB bus (bus \(device.bus), device \(device.address)) but has no serial \
                        port: its driver (cdc_acm) is not bound.
                        """,
                    fix:
                        "Load the driver with `sudo modprobe cdc_acm`, replug the cable, and look at `sudo dmesg | tail`."
                )
            }
            let others = ports.filter { PortDiscovery.role(of: $0) == .otherUSBSerial }.map(\.name)
            let seen = others.isEmpty ? "" : " Other USB serial ports: \(others.joined(separator: ", "))."
            return DoctorCheck(
                title: title, status: .failed,
                detail: "No Reachy Mini adapter (USB \(USBID.reachyMiniSerialAdapter)) is connected.\(seen)",
                fix: """
                    Switch the robot on and plug its USB-C cable into this computer (not through an unpowered hub). \
                    `lsusb -d 1a86:55d3` should then list it. On the Wireless model, use --port /dev/ttyAMA3 on the robot.
                    """)
        }
    }

    /// Is a udev rule for the robot installed? (Linux only.)
    public static func udevRuleCheck(platform: HostPlatform, ruleFiles: [RuleFile]) -> DoctorCheck {
        let title = "udev rule"
        guard platform == .linux else {
            return DoctorCheck(title: title, status: .skipped, detail: "udev rules are only used on Linux.")
        }
        let install = """
            sudo cp hardware/99-reachy-mini.rules /etc/udev/rules.d/ && sudo udevadm control --reload-rules && \
            sudo udevadm trigger, then replug the robot.
            """
        let adapterRules = ruleFiles.filter { mentions($0, .reachyMiniSerialAdapter) }
        guard let adapterRule = adapterRules.first else {
            return DoctorCheck(
                title: title, status: .warning,
                detail: """
                    No udev rule mentions the robot's adapter (1a86:55d3). The serial port still works through the \
                    dialout group, but the audio board's USB controls and the /dev/reachy_mini name need the rule.
                    """,
                fix: install)
        }
        guard ruleFiles.contains(where: { mentions($0, .reachyMiniAudio) }) else {
            return DoctorCheck(
                title: title, status: .warning,
                detail: "\(adapterRule.path) covers the adapter but no rule covers the audio board (38fb:1001).",
                fix: install)
        }
        return DoctorCheck(
            title: title, status: .ok, detail: "Installed: \(adapterRules.map(\.path).joined(separator: ", ")).")
    }

    /// May this user open serial ports? (Member of `dialout`, or root.)
    public static func serialPermissionCheck(platform: HostPlatform, user: UserFacts) -> DoctorCheck {
        let title = "Serial port permission (dialout)"
        guard platform == .linux else {
            return DoctorCheck(title: title, status: .skipped, detail: "Serial permissions need no setup on this OS.")
        }
        if user.uid == 0 {
            return DoctorCheck(
                title: title, status: .ok, detail: "Running as root, which may open any port.",
                fix: nil)
        }
        if let group = serialGroups.first(where: user.sessionGroups.contains) {
            return DoctorCheck(title: title, status: .ok, detail: "\(user.name) is in the \(group) group.")
        }
        if let group = serialGroups.first(where: user.configuredGroups.contains) {
            return DoctorCheck(
                title: title, status: .failed,
                detail: "\(user.name) was added to the \(group) group, but this login session started before that.",
                fix: "Log out and back in (or reboot); `newgrp \(group)` gives a shell with the group right away.")
        }
        return DoctorCheck(
            title: title, status: .failed,
            detail: "\(user.name) is not in the dialout group, so opening the robot's port is refused.",
            fix: "sudo usermod -aG dialout \(user.name), then log out and back in.")
    }

    /// Could the port be opened (and was it released again)? `path` is `nil` when there is no port to try.
    public static func portOpenCheck(path: String?, result: Result<Void, TransportError>?) -> DoctorCheck {
        let title = "Serial port opens"
        guard let path, let result else {
            return DoctorCheck(title: title, status: .skipped, detail: "No robot port to try.")
        }
        switch result {
        case .success:
            return DoctorCheck(title: title, status: .ok, detail: "Opened \(path) at 1 Mbps 8N1 and released it.")
        case .failure(let error):
            return DoctorCheck(
                title: title, status: .failed, detail: error.description, fix: fix(for: error, path: path))
        }
    }

    /// Does ALSA see the robot's sound card?
    public static func audioCardCheck(cards: [SoundCard], usb: USBScan? = nil) -> DoctorCheck {
        let title = "Robot sound card"
        if let card = SoundCards.findReachyMiniAudio(in: cards) {
            return DoctorCheck(
                title: title, status: .ok,
                detail: "\"\(card.name)\" is ALSA card \(card.index) (play with \(card.plugDevice)).")
        }
        let seen = cards.isEmpty ? "ALSA sees no sound card" : "ALSA sees \(cards.map(\.name).joined(separator: ", "))"
        if usb?.contains(.audioBoard) == true {
            return DoctorCheck(
                title: title, status: .failed,
                detail:
                    "The audio board (USB 38fb:1001) is connected, but \(seen): its driver is not bound or /dev/snd is not accessible.",
                fix:
                    "sudo modprobe snd-usb-audio, add yourself to the audio group (sudo usermod -aG audio $USER), and log in again."
            )
        }
        return DoctorCheck(
            title: title, status: .warning,
            detail: "No \"\(SoundCards.reachyMiniAudioName)\" card (\(seen)). Speech will use another device or none.",
            fix: "Plug the robot's USB-C cable in; `aplay -l` should list \"Reachy Mini Audio\".")
    }

    /// What to do about a failed open, in words a user can act on.
    static func fix(for error: TransportError, path: String) -> String {
        switch error {
        case .permissionDenied:
            return "sudo usermod -aG dialout $USER and install hardware/99-reachy-mini.rules, then log out and back in."
        case .busy:
            return
                "Another program holds \(path): `sudo fuser -v \(path)` names it. Stop it (e.g. the reachy-mini-daemon) and retry."
        case .notFound:
            return "Replug the robot and run `reachy ports`; the port name may have changed."
        case .disconnected, .closed, .io:
            return "Replug the robot's USB-C cable and check `sudo dmesg | tail` for USB errors."
        }
    }

    /// Whether a rules file has an active (uncommented) line naming `id`'s vendor and product.
    static func mentions(_ file: RuleFile, _ id: USBID) -> Bool {
        let vendor = String(id.description.prefix(4))
        let product = String(id.description.suffix(4))
        return file.contents.split(whereSeparator: \.isNewline).contains { rawLine in
            let line = rawLine.trimmingCharacters(in: .whitespaces).lowercased()
            guard !line.hasPrefix("#") else { return false }
            return line.contains("idvendor}==\"\(vendor)\"") && line.contains("idproduct}==\"\(product)\"")
        }
    }
}
