/// Namespace for the `ReachyMotion` module; see docs/ARCHITECTURE.md for its role.
public enum ReachyMotionModule {}
