/// Placeholder until the ReachyService target has its first real type.
enum ReachyServiceModule {}
