/// Why a robot description could not be used.
public enum RobotDescriptionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String, message: String)
    /// The file is not JSON of the expected shape; `message` names the field.
    case malformed(path: String, message: String)
    /// The values are impossible for the servos, one sentence per problem.
    case invalid(path: String, problems: [String])

    public var description: String {
        switch self {
        case .unreadable(let path, let message):
            return "Cannot read the robot description \(path): \(message). Check the path."
        case .malformed(let path, let message):
            return "The robot description \(path) is not valid JSON for a robot: \(message). Fix the file."
        case .invalid(let path, let problems):
            return
                "The robot description \(path) has impossible values: \(problems.joined(separator: "; ")). Fix the file."
        }
    }
}
