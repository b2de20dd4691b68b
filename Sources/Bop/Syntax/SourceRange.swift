/// A span of a Bop program. Lines and columns are 1-based and count characters as a child sees them
/// (grapheme clusters: a Chinese character, an emoji or an accented letter is one column). `endColumn` is
/// exclusive: it is the column just after the last character of the span.
public struct SourceRange: Sendable, Hashable, Codable {
    /// The first line of the span.
    public var line: Int
    /// The first column on `line`.
    public var column: Int
    /// The last line of the span.
    public var endLine: Int
    /// The column just after the span on `endLine`.
    public var endColumn: Int

    /// A span from one position to another.
    public init(line: Int, column: Int, endLine: Int, endColumn: Int) {
        self.line = line
        self.column = column
        self.endLine = endLine
        self.endColumn = max(endColumn, endLine == line ? column : 1)
    }

    /// A span on a single line.
    public init(line: Int, column: Int, endColumn: Int) {
        self.init(line: line, column: column, endLine: line, endColumn: endColumn)
    }

    /// The smallest span covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        let startFirst = (line, column) <= (other.line, other.column)
        let endLast = (endLine, endColumn) >= (other.endLine, other.endColumn)
        return SourceRange(
            line: startFirst ? line : other.line, column: startFirst ? column : other.column,
            endLine: endLast ? endLine : other.endLine, endColumn: endLast ? endColumn : other.endColumn)
    }
}
