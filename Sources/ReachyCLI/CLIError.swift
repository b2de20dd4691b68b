/// An error the CLI reports to the user as `Error: <message>` with exit status 1. The message says what is wrong
/// and what to do.
public struct CLIError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
