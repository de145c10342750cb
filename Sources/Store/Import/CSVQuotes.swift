/// A quote opened in a CSV file and never closed swallows the rest of the file into one field,
/// which the CSV reader accepts: found here first, at the line where the quote opened.
enum CSVQuotes {
    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The line of a quoted field that is never closed, or nil. A quote inside an unquoted
    /// field (`5" screen`) is left alone, as the reader leaves it.
    static func unclosedQuoteLine(in text: String) -> Int? {
        var line = 1, openedAt = 1, state = State.fieldStart
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n")
        for byte in text.utf8 {
            switch state {
            case .fieldStart:
                if byte == quote { state = .quoted; openedAt = line } else if byte != comma && byte != newline { state = .unquoted }
            case .unquoted:
                if byte == comma || byte == newline { state = .fieldStart }
            case .quoted:
                if byte == quote { state = .quoteInQuoted }
            case .quoteInQuoted:
                state = byte == quote ? .quoted : (byte == comma || byte == newline) ? .fieldStart : .unquoted
            }
            if byte == newline { line += 1 }
        }
        return state == .quoted ? openedAt : nil
    }
}
