import Foundation
import Synchronization

/// What a ``FleetTeacher`` has heard, filled on the MQTT thread.
final class FleetTeacherStore: Sendable {
    let topics: FleetTopics
    let state = Mutex(FleetTeacher.Snapshot())

    init(topics: FleetTopics) { self.topics = topics }

    /// Files a status, an event or a pose sample.
    func receive(_ message: MQTTMessage) {
        guard let (robot, kind) = topics.robotTopic(message.topic) else { return }
        let data = Data(message.payload)
        let decoder = JSONDecoder()
        switch kind {
        case "status":
            guard let presence = try? decoder.decode(RobotPresence.self, from: data) else { return }
            state.withLock {
                $0.roster[presence.name] = presence
                $0.messages += 1
            }
        case "event":
            guard let event = try? decoder.decode(FleetEvent.self, from: data) else { return }
            state.withLock {
                $0.events.append(event)
                $0.messages += 1
            }
        case "state":
            guard let sample = try? decoder.decode(RobotStateSample.self, from: data) else { return }
            state.withLock {
                $0.states[robot] = sample
                $0.messages += 1
            }
        default: return
        }
    }
}
