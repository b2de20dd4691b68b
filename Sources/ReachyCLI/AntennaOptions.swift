import ArgumentParser

/// `--antennas R L`: the antenna angles of a target pose, shared by `reachy goto` and `reachy render`.
struct AntennaOptions: ParsableArguments {
    @Option(
        parsing: .upToNextOption,
        help: ArgumentHelp(
            "Antenna angles right and left, radians (degrees with --degrees); with a negative value write "
                + "--antennas=-10,10.", valueName: "R L"))
    var antennas: [String] = []

    /// Whether the option was given.
    var isEmpty: Bool { antennas.isEmpty }

    /// `--antennas R L`, `--antennas R,L` or `--antennas=R,L` as two numbers (in the pose flags' angle unit).
    func values() throws -> [Double] {
        let words = antennas.flatMap { $0.split(separator: ",").map(String.init) }
        return try NumberList.parse(words, count: 2, what: "antenna angles (right left)")
    }

    func validate() throws {
        if !antennas.isEmpty { _ = try values() }
    }
}
