import Foundation

/// The gesture vocabulary (`Data/gestures.json`): named sequences of poses.
public struct GestureLibrary: Sendable, Codable, Equatable {
    /// Gestures by name.
    public var gestures: [String: [GesturePose]]

    /// A library.
    public init(gestures: [String: [GesturePose]]) { self.gestures = gestures }

    /// The bundled library.
    public static func bundled() throws(NewsDataError) -> GestureLibrary {
        try NewsData.decode(GestureLibrary.self, from: NewsData.url(for: "gestures.json"))
    }

    /// The poses of a gesture (empty if unknown).
    public func poses(_ name: String) -> [GesturePose] { gestures[name] ?? [] }
}
