public import Dynamixel
import Foundation
import ReachyMiniDescription

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Diagnostics {
    /// Where udev looks for rules files.
    public static let ruleDirectories = [
        "/etc/udev/rules.d", "/run/udev/rules.d", "/lib/udev/rules.d", "/usr/lib/udev/rules.d",
    ]

    /// Runs every check on this machine, in order: adapter, udev rule, permission, port opens, sound card.
    /// `port` overrides the discovered robot port for the open check. Blocking (opens a port briefly).
    public static func runAll(port: String? = nil) -> [DoctorCheck] {
        let platform = HostPlatform.current
        let usb = USBBus.scan()
        var checks: [DoctorCheck] = []
        var robotPort = port
        switch Result(catching: { () throws(DiscoveryError) in try PortDiscovery.listPorts() }) {
        case .success(let ports):
            checks.append(adapterCheck(ports: ports, usb: usb))
            if robotPort == nil { robotPort = PortDiscovery.selectRobotPort(from: ports).port?.name }
        case .failure(let error):
            checks.append(DoctorCheck(title: "Robot serial adapter", status: .failed, detail: error.description))
        }
        checks.append(udevRuleCheck(platform: platform, ruleFiles: installedRuleFiles()))
        checks.append(serialPermissionCheck(platform: platform, user: currentUser()))
        checks.append(portOpenCheck(path: robotPort, result: robotPort.map(tryOpening)))
        checks.append(audioCardCheck(cards: SoundCards.list(), usb: usb))
        return checks
    }

    /// Opens `path` at 1 Mbps and closes it again.
    public static func tryOpening(_ path: String) -> Result<Void, TransportError> {
        do throws(TransportError) {
            let transport = try openTransport(path: path)
            transport.close()
            return .success(())
        } catch {
            return .failure(error)
        }
    }

    /// The `*.rules` files in `directories` that mention the robot's adapter or audio board.
    public static func installedRuleFiles(directories: [String] = ruleDirectories) -> [RuleFile] {
        var files: [RuleFile] = []
        for directory in directories {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            for name in names.sorted() where name.hasSuffix(".rules") {
                let path = directory + "/" + name
                guard let contents = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
                let file = RuleFile(path: path, contents: contents)
                if mentions(file, .reachyMiniSerialAdapter) || mentions(file, .reachyMiniAudio) { files.append(file) }
            }
        }
        return files
    }

    /// The user running this process and their groups.
    public static func currentUser() -> UserFacts {
        let uid = getuid()
        let primaryGroup = getgid()
        var name = "uid \(uid)"
        if let entry = getpwuid(uid), let raw = entry.pointee.pw_name { name = String(cString: raw) }

        var session: [gid_t] = [primaryGroup]
        let count = getgroups(0, nil)
        if count > 0 {
            var ids = [gid_t](repeating: 0, count: Int(count))
            let filled = getgroups(count, &ids)
            if filled > 0 { session += ids.prefix(Int(filled)) }
        }

        var configured: [gid_t] = []
        var size: Int32 = 64
        while size <= 65_536 {
            #if canImport(Glibc)
                var ids = [gid_t](repeating: 0, count: Int(size))
                let found = getgrouplist(name, primaryGroup, &ids, &size)
                if found >= 0 {
                    configured = Array(ids.prefix(Int(size)))
                    break
                }
            #else
                var ids = [Int32](repeating: 0, count: Int(size))
                let found = getgrouplist(name, Int32(bitPattern: primaryGroup), &ids, &size)
                if found >= 0 {
                    configured = ids.prefix(Int(size)).map { gid_t(bitPattern: $0) }
                    break
                }
            #endif
            size *= 2
        }
        return UserFacts(
            name: name, uid: UInt32(uid), sessionGroups: groupNames(session), configuredGroups: groupNames(configured))
    }

    private static func groupNames(_ ids: [gid_t]) -> [String] {
        var names: [String] = []
        for id in ids {
            let name = getgrgid(id).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(id)"
            if !names.contains(name) { names.append(name) }
        }
        return names
    }
}
