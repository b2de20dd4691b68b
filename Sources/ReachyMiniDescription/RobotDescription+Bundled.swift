import Foundation

extension RobotDescription {
    /// The Reachy Mini as it leaves the factory: this library's bundled `reachy-mini.json`, read and validated.
    /// - Throws: ``RobotDescriptionError`` when the bundled file is missing or broken.
    public static func reachyMini() throws(RobotDescriptionError) -> RobotDescription {
        guard let url = Bundle.module.url(forResource: "reachy-mini", withExtension: "json") else {
            throw .unreadable(path: "reachy-mini.json", message: "the bundled robot description is missing; reinstall")
        }
        return try load(from: url)
    }

    /// ``reachyMini()`` read once, for the tables other modules derive from it (the simulator's factory motors,
    /// the motion layer's motor limits and expected configuration).
    ///
    /// The file ships inside the library and `RobotDescriptionTests` loads it on every test run, so a failure here
    /// means a broken installation: the process stops with the error's message rather than run a robot on invented
    /// values. Call ``reachyMini()`` instead to handle the error.
    public static let bundledReachyMini: RobotDescription = {
        do {
            return try reachyMini()
        } catch {
            fatalError("\(error)")
        }
    }()
}
