import ReachyMotion

/// Turning moves and dances into segments, keeping every target inside the kid limits.
extension Evaluator {
    /// Default sizes: degrees, or millimeters for raising and lowering the head.
    enum Defaults {
        static let look = 30.0
        static let lookUpDown = 20.0
        static let tilt = 20.0
        static let nod = 15.0
        static let shake = 20.0
        static let wiggle = 30.0
        static let antenna = 45.0
        static let headHeight = 15.0
        static let turn = 45.0
        static let swings = 2
    }

    func perform(_ motion: Motion, statement: Statement, _ state: inout State) throws(Flow) {
        let range = statement.range
        func size(_ standard: Double) throws(Flow) -> Double {
            switch motion.amount {
            case nil: return standard
            case .little: return standard / 2
            case .lot: return standard * 2
            case .value(let e):
                let size = try value(e, line: range)
                if size < 0, Evaluator.hasDirection(motion.action) {
                    // A name whose value is below zero (`look left x`, x = -30): it goes the other way; say so.
                    warn(
                        .otherWay, at: range, ["value": Format.number(size)], message: "message-value",
                        try: "try-value")
                }
                return size
            }
        }
        func count() throws(Flow) -> Int {
            guard let e = motion.count else { return Defaults.swings }
            return try whole(e, at: range)
        }
        var plan = MotionPlan()
        var beatsLong: Int64 = 1
        switch motion.action {
        case .look(let direction):
            let a = try size(direction == .left || direction == .right ? Defaults.look : Defaults.lookUpDown)
            switch direction {
            case .left: plan.add(.headYaw, [(.absolute(a), Rational(1))])
            case .right: plan.add(.headYaw, [(.absolute(-a), Rational(1))])
            case .up: plan.add(.headPitch, [(.absolute(-a), Rational(1))])
            case .down: plan.add(.headPitch, [(.absolute(a), Rational(1))])
            }
        case .lookAhead:
            plan.add(.headYaw, [(.absolute(0), Rational(1))])
            plan.add(.headPitch, [(.absolute(0), Rational(1))])
            plan.add(.headRoll, [(.absolute(0), Rational(1))])
        case .tilt(let side):
            let a = try size(Defaults.tilt)
            plan.add(.headRoll, [(.absolute(side == .left ? -a : a), Rational(1))])
        case .nod:
            let n = try count()
            try reserve(2 * n, for: statement)
            plan.add(.headPitch, MotionPlan.dips(amplitude: try size(Defaults.nod), count: n))
            beatsLong = Int64(n)
        case .shake:
            let n = try count()
            try reserve(3 * n, for: statement)
            plan.add(.headYaw, MotionPlan.oscillation(amplitude: try size(Defaults.shake), cycles: n))
            beatsLong = Int64(n)
        case .raiseHead:
            plan.add(.headZ, [(.absolute(try size(Defaults.headHeight) / 1000), Rational(1))])
        case .lowerHead:
            plan.add(.headZ, [(.absolute(-(try size(Defaults.headHeight)) / 1000), Rational(1))])
        case .turnBody(let side):
            let a = try size(Defaults.turn)
            plan.add(.bodyYaw, [(.absolute(side == .left ? a : -a), Rational(1))])
            beatsLong = 2
        case .turnBack:
            plan.add(.bodyYaw, [(.absolute(0), Rational(1))])
            beatsLong = 2
        case .wiggleAntennas(let which):
            let n = try count()
            try reserve((which == .both ? 6 : 3) * n, for: statement)
            let a = try size(Defaults.wiggle)
            if which != .left { plan.add(.antennaRight, MotionPlan.oscillation(amplitude: a, cycles: n)) }
            if which != .right { plan.add(.antennaLeft, MotionPlan.oscillation(amplitude: -a, cycles: n)) }
            beatsLong = Int64(n)
        case .raiseAntennas(let which):
            let a = motion.amount == nil ? 0 : try size(Defaults.antenna)
            if which != .left { plan.add(.antennaRight, [(.absolute(a), Rational(1))]) }
            if which != .right { plan.add(.antennaLeft, [(.absolute(-a), Rational(1))]) }
        case .lowerAntennas(let which):
            let a = try size(Defaults.antenna)
            if which != .left { plan.add(.antennaRight, [(.absolute(-a), Rational(1))]) }
            if which != .right { plan.add(.antennaLeft, [(.absolute(a), Rational(1))]) }
        }
        if plan.axes.allSatisfy({ $0.steps.isEmpty }) { return }
        var duration: Rational
        if let timing = motion.timing {
            duration = try time(timing, at: range)
        } else {
            duration = beats(beatsLong)
            if motion.feel == .snappy { duration = duration * Rational(1, 2) }
        }
        duration = duration * Rational(100) / speed
        try emit(
            plan, duration: duration, easing: motion.feel?.easing ?? .minjerk, statement: statement, label: nil, &state)
    }

    /// A dance: one round of its beats at the current tempo and speed.
    func dance(_ name: String, statement: Statement, _ state: inout State) throws(Flow) {
        guard let dance = Dances.all[name] else { return }
        var plan = MotionPlan()
        for component in dance.components {
            let cycles = component.cyclesPerBeat * Rational(dance.beats)
            let whole = max(1, Int(cycles.doubleValue.rounded()))
            plan.add(component.axis, MotionPlan.swings(first: component.first, second: component.second, cycles: whole))
        }
        let duration = beats(dance.beats) * Rational(100) / speed
        let start = state.clock
        let first = segments.count
        try emit(plan, duration: duration, easing: .minjerk, statement: statement, label: "dance \(name)", &state)
        var base: [Axis: Double] = [:]
        for segment in segments[first...] {
            if let axis = segment.axis, base[axis] == nil { base[axis] = segment.from }
        }
        danceSpans.append(
            DanceSpan(
                name: name, start: start, duration: state.clock - start, mirrored: state.mirror, line: statement.line,
                axes: base.keys.sorted(), base: base))
    }

    /// Resolves targets, clamps them to the kid limits, stretches moves that are too fast, tones down
    /// overshooting `bouncy` moves, and records the segments. Warnings go to the statement's line; going over the
    /// segment limit stops with an error there.
    func emit(
        _ plan: MotionPlan, duration requested: Rational, easing requestedEasing: InterpolationMethod,
        statement: Statement,
        label: String?, _ state: inout State
    ) throws(Flow) {
        try reserve(plan.axes.reduce(0) { $0 + $1.steps.count }, for: statement)
        let plan = state.mirror ? plan.mirrored() : plan
        let range = statement.range
        var duration = requested
        if duration < BopLimits.minimumDuration {
            warn(.tooQuick, at: range, ["seconds": Format.number(BopLimits.minimumDuration.doubleValue)])
            duration = BopLimits.minimumDuration
        }
        // Resolve and clamp every step.
        // One flat list of steps for all axes (fewer allocations than one list per axis).
        var resolved: [(axis: Axis, from: Double, to: Double, fraction: Rational)] = []
        resolved.reserveCapacity(plan.axes.reduce(0) { $0 + $1.steps.count })
        var stretch = 1.0
        var easing = requestedEasing
        let seconds = duration.doubleValue
        for entry in plan.axes {
            let limits = BopLimits.range(of: entry.axis)
            let start = state[entry.axis]
            var current = start
            let first = resolved.count
            for step in entry.steps {
                let wanted: Double
                switch step.target {
                case .absolute(let v): wanted = v
                case .offset(let v): wanted = start + v
                }
                let target = min(max(wanted, limits.lowerBound), limits.upperBound)
                if abs(target - wanted) > 1e-9 {
                    warnClamped(entry.axis, wanted: wanted, limit: target, at: range)
                }
                let stepSeconds = seconds * step.fraction.doubleValue
                let speedNeeded = abs(target - current) / BopLimits.maximumSpeed(of: entry.axis)
                if stepSeconds > 0 { stretch = max(stretch, speedNeeded / stepSeconds) }
                resolved.append((entry.axis, current, target, step.fraction))
                current = target
            }
            if easing == .cartoon {
                let (low, high) = InterpolationMethod.cartoon.excursion
                for s in resolved[first...] {
                    let a = s.from + (s.to - s.from) * low
                    let b = s.from + (s.to - s.from) * high
                    if min(a, b) < limits.lowerBound - 1e-9 || max(a, b) > limits.upperBound + 1e-9 {
                        easing = .minjerk
                        warn(
                            .bouncyTonedDown, at: range,
                            ["part": messages.text("part.\(entry.axis.track.rawValue)-lower")])
                        break
                    }
                }
            }
        }
        if stretch > 1 + 1e-9 {
            let asked = duration.doubleValue
            // Round the new length up to the next millisecond so the stretch always suffices.
            let stretched = Rational(Int64((asked * stretch * 1000).rounded(.up)), 1000)
            warn(
                .slowed, at: range,
                [
                    "part": messages.text("part.\((resolved.first?.axis.track ?? .head).rawValue)-lower"),
                    "seconds": Format.number(stretched.doubleValue), "asked": Format.number(asked),
                ])
            duration = stretched
        }
        var t = state.clock
        for (i, s) in resolved.enumerated() {
            if i > 0 && resolved[i - 1].axis != s.axis { t = state.clock }
            let length = duration * s.fraction
            segments.append(
                TimelineSegment(
                    start: t, duration: length, track: s.axis.track, axis: s.axis, from: s.from, to: s.to,
                    easing: easing, line: statement.line, text: label))
            t = t + length
            state[s.axis] = s.to
            state.touch(s.axis)
        }
        state.clock = state.clock + duration
        latest = max(latest, state.clock)
    }

    /// “As far right as my body can go is 120°”: the limit in the child's own direction words (the sign of an
    /// axis is the robot's business), or, for the antennas, the plain limit.
    func warnClamped(_ axis: Axis, wanted: Double, limit: Double, at range: SourceRange) {
        // The antennas point opposite ways for the same move: their sizes are shown without a sign.
        var args = [
            "part": messages.text("part.\(axis.track.rawValue)-lower"),
            "limit": Format.amount(abs(limit), axis), "asked": Format.amount(abs(wanted), axis),
        ]
        guard let way = Evaluator.way(of: axis, positive: wanted > 0) else {
            warn(.clamped, at: range, args)
            return
        }
        args["way"] = messages.text("way.\(way.rawValue)")
        warn(.clamped, at: range, args, message: "message-way")
    }

    /// Whether a move's words say which way it goes (so a size below zero goes the other way).
    static func hasDirection(_ action: MotionAction) -> Bool {
        switch action {
        case .look, .tilt, .turnBody, .raiseHead, .lowerHead, .raiseAntennas, .lowerAntennas: true
        default: false
        }
    }

    /// Which way a positive or negative value of an axis goes, as the child says it (`look left` is a positive
    /// head yaw, `look up` a negative head pitch, `tilt left` a negative head roll); nil for the antennas.
    static func way(of axis: Axis, positive: Bool) -> Direction? {
        switch axis {
        case .headYaw, .bodyYaw: positive ? .left : .right
        case .headPitch: positive ? .down : .up
        case .headRoll: positive ? .right : .left
        case .headZ: positive ? .up : .down
        default: nil
        }
    }
}
