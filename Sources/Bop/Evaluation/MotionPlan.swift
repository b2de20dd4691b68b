/// A move broken into steps per axis: each step goes to a target over a fraction of the move's duration.
/// All axes of one move start together and end together (their fractions each add up to 1).
struct MotionPlan {
    /// Where a step goes.
    enum Target {
        /// An absolute value (degrees or meters).
        case absolute(Double)
        /// An offset from where the axis was when the move started.
        case offset(Double)
    }

    struct AxisSteps {
        var axis: Axis
        var steps: [(target: Target, fraction: Rational)]
    }

    var axes: [AxisSteps] = []

    mutating func add(_ axis: Axis, _ steps: [(Target, Rational)]) {
        axes.append(AxisSteps(axis: axis, steps: steps.map { (target: $0.0, fraction: $0.1) }))
    }

    /// `cycles` swings around the starting value: +A for a quarter, −A for a half, back for a quarter.
    static func oscillation(amplitude: Double, cycles: Int) -> [(Target, Rational)] {
        swings(first: amplitude, second: -amplitude, cycles: cycles)
    }

    /// `cycles` swings from the starting value: to offset `first` for a quarter, to `second` for a half, back for a
    /// quarter (a dance lane that dips one way only has `second` near 0).
    static func swings(first: Double, second: Double, cycles: Int) -> [(Target, Rational)] {
        guard cycles > 0 else { return [] }
        let quarter = Rational(1, Int64(4 * cycles))
        let half = Rational(1, Int64(2 * cycles))
        var steps: [(Target, Rational)] = []
        for _ in 0..<cycles {
            steps += [(.offset(first), quarter), (.offset(second), half), (.offset(0), quarter)]
        }
        return steps
    }

    /// `count` dips: to +A for half a dip and back (a nod).
    static func dips(amplitude: Double, count: Int) -> [(Target, Rational)] {
        guard count > 0 else { return [] }
        let half = Rational(1, Int64(2 * count))
        var steps: [(Target, Rational)] = []
        for _ in 0..<count { steps += [(.offset(amplitude), half), (.offset(0), half)] }
        return steps
    }

    /// The same plan with left and right swapped (`mirror`).
    func mirrored() -> MotionPlan {
        var plan = MotionPlan()
        for entry in axes {
            let (axis, sign) = entry.axis.mirrored
            plan.axes.append(
                AxisSteps(
                    axis: axis,
                    steps: entry.steps.map { step in
                        switch step.target {
                        case .absolute(let v): (target: .absolute(v * sign), fraction: step.fraction)
                        case .offset(let v): (target: .offset(v * sign), fraction: step.fraction)
                        }
                    }))
        }
        return plan
    }
}
