import Foundation

/// A command for one robot, a group or the class, as JSON on a `command/…` topic:
/// `{"v": 1, "id": "…", "token": "…", "action": "run", "program": "…", "seed": 1, "at": 1764870000.0}`.
///
/// A robot checks it like a local HTTP request and more: size, shape, the class token, the start time, then the same
/// Bop compiler, budgets and safety limits as `POST /api/bop/run`.
public struct FleetCommand: Codable, Sendable, Equatable {
    /// What to do.
    public enum Action: String, Codable, Sendable, CaseIterable {
        /// Play `program` from the instant `at` (wall clock).
        case run
        /// Stop the running program (the robot holds where it is).
        case stop
        /// Wake up (motors on, to the initial pose).
        case wake
        /// Go to sleep (sleep pose, motors off).
        case sleep
        /// Say `text` (played as the one-line Bop program `say "…"`).
        case say
    }

    /// The protocol version (1).
    public var v: Int
    /// The sender's identifier for this command; every robot's events quote it.
    public var id: String
    /// The class token (see ``ClassToken``).
    public var token: String?
    /// What to do.
    public var action: Action
    /// The Bop program (`run`).
    public var program: String?
    /// The random seed of the program (`run`; default 1).
    public var seed: UInt64?
    /// When to start, wall-clock seconds since 1970 (`run`; nil: as soon as the robot is at the first pose).
    public var at: Double?
    /// What to say (`say`).
    public var text: String?

    /// A command (`id`: nil for a fresh UUID).
    public init(
        id: String? = nil, token: String?, action: Action, program: String? = nil,
        seed: UInt64? = nil, at: Double? = nil, text: String? = nil
    ) {
        self.v = 1
        self.id = id ?? UUID().uuidString.lowercased()
        self.token = token
        self.action = action
        self.program = program
        self.seed = seed
        self.at = at
        self.text = text
    }

    /// Its JSON.
    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? [UInt8](encoder.encode(self))) ?? []
    }

    /// Reads a command from a message, refusing more than `maxBytes` before reading it and anything malformed.
    /// The id is recovered when possible, so that a rejection can quote it.
    /// - Throws: ``FleetCommandRejection``.
    public static func decode(_ payload: [UInt8], maxBytes: Int) throws(FleetCommandRejection) -> FleetCommand {
        guard payload.count <= maxBytes else {
            throw FleetCommandRejection(
                id: nil, "The command is \(payload.count) bytes, more than the \(maxBytes) this robot accepts.")
        }
        let data = Data(payload)
        let id = (try? JSONDecoder().decode(Identified.self, from: data))?.id
        guard let raw = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FleetCommandRejection(id: id, "The command is not a JSON object.")
        }
        if let action = raw["action"] as? String, Action(rawValue: action) == nil {
            let known = Action.allCases.map(\.rawValue).joined(separator: ", ")
            throw FleetCommandRejection(id: id, "Unknown action \"\(action)\" (known: \(known)).")
        }
        do {
            let command = try JSONDecoder().decode(FleetCommand.self, from: data)
            guard command.v == 1 else {
                throw FleetCommandRejection(id: id, "Protocol version \(command.v) is not 1: update `reachy`.")
            }
            guard (1...128).contains(command.id.utf8.count) else {
                throw FleetCommandRejection(id: nil, "The command id must be 1 to 128 bytes.")
            }
            return command
        } catch let rejection as FleetCommandRejection {
            throw rejection
        } catch {
            throw FleetCommandRejection(id: id, "The command is malformed: \(Self.describe(error)).")
        }
    }

    private struct Identified: Decodable { var id: String }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, _): "\"\(key.stringValue)\" is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type"
        default: String(describing: error)
        }
    }
}
