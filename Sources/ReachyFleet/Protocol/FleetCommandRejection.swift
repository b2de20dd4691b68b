/// Why a robot refused a command (published as a `rejected` ``FleetEvent``; nothing moved).
public struct FleetCommandRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// The command's id, when it could be read.
    public var id: String?
    /// What is wrong and what to do.
    public var message: String

    /// A rejection.
    public init(id: String?, _ message: String) {
        self.id = id
        self.message = message
    }

    public var description: String { message }
}
