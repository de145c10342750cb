import Base

/// Fits a label into a width: wraps between words (between characters for scripts written without
/// spaces, or words longer than the width), at most `maxLines` lines, the last one shortened with
/// an ellipsis when the text does not fit.
public struct LineBreaking {
    public static let ellipsis = "…"

    /// The lines of `text` fitted to `width`.
    public static func fit(_ text: String, width: Double, maxLines: Int, style: TextStyle,
                           measurer: any TextMeasuring) -> [String] {
        let text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard maxLines > 0, width > 0 else { return [] }
        if measurer.width(of: text, style: style) <= width { return [text] }
        if let raw = measurer.lineBreaks(text, style: style, width: width), !raw.isEmpty {
            // Lines keep their trailing spaces until here, so the rest rejoins exactly.
            let broken = raw.map(\.trimmingTrailingSpace)
            guard broken.count > maxLines else { return broken }
            let rest = raw[(maxLines - 1)...].joined().trimmingTrailingSpace
            return Array(broken.prefix(maxLines - 1)) + [truncate(rest, width: width, style: style, measurer: measurer)]
        }
        var lines: [String] = []
        var current = ""
        var words = tokens(text)
        while !words.isEmpty {
            let word = words.removeFirst()
            let candidate = current.isEmpty ? word.trimmingLeadingSpace : current + word
            if measurer.width(of: candidate, style: style) <= width {
                current = candidate
                continue
            }
            if current.isEmpty {
                // A single word wider than the line: break it between characters.
                let (head, tail) = split(word.trimmingLeadingSpace, width: width, style: style, measurer: measurer)
                lines.append(head)
                if !tail.isEmpty { words.insert(tail, at: 0) }
            } else {
                lines.append(current)
                current = ""
                // Keep the word's leading space: if it ends up in the truncated rest, words stay apart.
                words.insert(word, at: 0)
            }
            if lines.count == maxLines {
                // Out of lines: whatever is left joins the last line, shortened with an ellipsis.
                let rest = ([lines.removeLast()] + words).joined()
                lines.append(truncate(rest, width: width, style: style, measurer: measurer))
                return lines
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.count > maxLines {
            let rest = lines[(maxLines - 1)...].joined(separator: " ")
            lines = Array(lines.prefix(maxLines - 1)) + [truncate(rest, width: width, style: style, measurer: measurer)]
        }
        return lines
    }

    /// `text` on one line, shortened at a character boundary with "…" if it is wider than `width`.
    public static func truncate(_ text: String, width: Double, style: TextStyle, measurer: any TextMeasuring) -> String {
        if measurer.width(of: text, style: style) <= width { return text }
        let chars = Array(text)
        // Binary search for the longest prefix that fits with the ellipsis.
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            let candidate = String(chars[..<mid]).trimmingTrailingSpace + ellipsis
            if measurer.width(of: candidate, style: style) <= width { lo = mid } else { hi = mid - 1 }
        }
        return lo == 0 ? (measurer.width(of: ellipsis, style: style) <= width ? ellipsis : "")
                       : String(chars[..<lo]).trimmingTrailingSpace + ellipsis
    }

    /// Words with their leading space kept, so joining them restores the text. Characters of
    /// scripts without spaces between words (CJK, Thai) are separate break opportunities.
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for ch in text {
            if ch == " " {
                if !word.isEmpty { result.append(word) }
                word = " "
            } else if ch.breaksAnywhere {
                if !word.isEmpty && word != " " { result.append(word); word = "" }
                word += String(ch)
                result.append(word)
                word = ""
            } else {
                word.append(ch)
            }
        }
        if !word.isEmpty && word != " " { result.append(word) }
        return result
    }

    /// The longest head of `word` that fits (at least one character), and the rest.
    static func split(_ word: String, width: Double, style: TextStyle, measurer: any TextMeasuring) -> (String, String) {
        let chars = Array(word)
        var n = 1
        while n < chars.count && measurer.width(of: String(chars[..<(n + 1)]), style: style) <= width { n += 1 }
        return (String(chars[..<n]), String(chars[n...]))
    }
}

extension Character {
    /// CJK ideographs and kana, Thai, Lao, Khmer: lines may break between any two of them.
    var breaksAnywhere: Bool {
        guard let v = unicodeScalars.first?.value else { return false }
        return (0x0E00...0x0EFF).contains(v) || (0x1780...0x17FF).contains(v) || (0x3040...0x30FF).contains(v)
            || (0x3400...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xAC00...0xD7A3).contains(v)
    }
}

extension String {
    var trimmingLeadingSpace: String { first == " " ? String(dropFirst()) : self }
    var trimmingTrailingSpace: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

