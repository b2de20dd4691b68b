/// Stops long work: a wall-clock deadline and an optional cancellation check, looked at every so often while a
/// program is planned (see `Evaluator.poll(at:)`).
struct Watchdog: Sendable {
    /// Why planning must stop now.
    enum Reason: Equatable {
        /// The time budget is used up.
        case timeUp
        /// Whoever asked for the work no longer wants it.
        case cancelled
    }

    /// The time allowed; `nil` for no limit.
    let budget: Duration?
    /// When the budget runs out.
    let deadline: ContinuousClock.Instant?
    /// Answers true once the work should be abandoned.
    let isCancelled: (@Sendable () -> Bool)?

    /// A watchdog whose budget starts now.
    init(budget: Duration? = nil, isCancelled: (@Sendable () -> Bool)? = nil) {
        self.budget = budget
        self.deadline = budget.map { ContinuousClock.now.advanced(by: $0) }
        self.isCancelled = isCancelled
    }

    /// The budget in seconds (0 when there is none), for messages.
    var budgetSeconds: Double {
        guard let budget else { return 0 }
        return Double(budget.components.seconds) + Double(budget.components.attoseconds) / 1e18
    }

    /// Why the work must stop, or `nil` to go on. A budget of zero is always used up.
    func check() -> Reason? {
        if let isCancelled, isCancelled() { return .cancelled }
        if let deadline, ContinuousClock.now >= deadline { return .timeUp }
        return nil
    }
}
