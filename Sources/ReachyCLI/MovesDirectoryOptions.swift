import ArgumentParser
import Bop
import ReachyBridge

/// `--moves-dir DIR` (repeatable): folders of local recorded-move datasets (`DIR/ORG/NAME/*.json`), searched before
/// the Hugging Face cache by `reachy play --dataset`, `reachy serve` and Bop's `play emotion`.
struct MovesDirectoryOptions: ParsableArguments {
    @Option(
        name: .customLong("moves-dir"),
        help: ArgumentHelp(
            "A folder of local recorded-move datasets (DIR/ORG/NAME/*.json), searched before the Hugging Face "
                + "cache; repeatable.", valueName: "dir"))
    var movesDir: [String] = []

    /// The loader reading these folders, then the Hugging Face cache.
    var library: MoveLibrary { .standard(movesDirectories: movesDir) }

    /// Bop's emotions: the official emotions library of ``library``.
    var emotions: BopEmotions { BopEmotions(library: library) }
}
