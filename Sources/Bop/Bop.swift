/// Namespace for the `Bop` module; see docs/ARCHITECTURE.md for its role.
public enum BopModule {}
