import Foundation
import ReachyTestSupport

/// Where the repository's `hardware/` folder is.
func hardwareDirectory() -> URL { RepositoryPaths.hardware }
