import ReachyFleet
import ReachyTestSupport
import Testing

/// Starts one classroom (a broker and five simulated robots, each its own `reachy serve --sim --fleet` process) for
/// the whole suite it is attached to, and ends it after the suite's last test.
struct ClassroomTrait: SuiteTrait, TestScoping {
    /// The classroom of the suite running now.
    @TaskLocal static var current: FleetClassroom?

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        let classroom = try FleetClassroom(robots: 5)
        defer { classroom.stop() }
        try await Self.$current.withValue(classroom) { try await function() }
    }
}

extension Trait where Self == ClassroomTrait {
    /// A classroom of five simulated robots for the suite (`ClassroomTrait.current`).
    static var classroom: Self { ClassroomTrait() }
}

extension FleetClassroom {
    /// A teacher of this class, connected.
    func teacher(watchStates: Bool = false, token: String? = nil) async throws -> FleetTeacher {
        let teacher = try FleetTeacher(
            broker: try BrokerAddress(parsing: broker.url), topics: try FleetTopics(classroom: classroom),
            token: ClassToken(token ?? self.token), watchStates: watchStates)
        try await teacher.connect()
        return teacher
    }
}
