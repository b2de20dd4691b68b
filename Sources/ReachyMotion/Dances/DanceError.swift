/// Why a dance could not be created.
public enum DanceError: Error, Equatable, CustomStringConvertible {
    /// No dance with that name.
    case unknownDance(name: String, available: [String])
    /// A parameter the dance does not have.
    case unknownParameter(dance: String, parameter: String, known: [String])
    /// A parameter with the wrong kind of value (number vs text) or a non-finite number.
    case invalidParameter(dance: String, parameter: String, reason: String)
    /// A tempo that is not a positive finite number of beats per minute.
    case invalidTempo(Double)
    /// The bundled dance catalogue could not be read (a packaging problem).
    case catalogUnavailable(String)

    public var description: String {
        switch self {
        case .unknownDance(let name, let available):
            return "Unknown dance \"\(name)\". Available dances: \(available.joined(separator: ", "))."
        case .unknownParameter(let dance, let parameter, let known):
            return "Dance \(dance) has no parameter \"\(parameter)\". Its parameters: \(known.joined(separator: ", "))."
        case .invalidParameter(let dance, let parameter, let reason):
            return "Parameter \(parameter) of dance \(dance) is invalid: \(reason)."
        case .invalidTempo(let bpm):
            return "Tempo \(bpm) BPM is not valid; give a positive number of beats per minute (the default is 114)."
        case .catalogUnavailable(let reason):
            return "The bundled dance catalogue (dances.json) could not be loaded: \(reason). "
                + "Rebuild or reinstall ReachyBridge so its resources are next to the executable."
        }
    }
}
