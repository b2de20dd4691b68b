/// Namespace for the `ReachySimulator` module; see docs/ARCHITECTURE.md for its role.
public enum ReachySimulatorModule {}
