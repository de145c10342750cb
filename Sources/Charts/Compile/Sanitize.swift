import Base

/// The last line of defence: an item with a non-finite coordinate (a NaN from some unforeseen
/// division) is dropped rather than written into a PDF that viewers then refuse to open.
enum Sanitize {
    static func items(_ items: [PageItem]) -> [PageItem] {
        items.filter(isFinite)
    }

    static func isFinite(_ item: PageItem) -> Bool {
        switch item {
        case .text(let t): return [t.x, t.baseline, t.width, t.style.size, t.rotation].allSatisfy(\.isFinite)
        case .path(let p):
            return p.lineWidth.isFinite && p.elements.allSatisfy { e in
                switch e {
                case .move(let a), .line(let a): return a.x.isFinite && a.y.isFinite
                case .curve(let a, let b, let c): return [a, b, c].allSatisfy { $0.x.isFinite && $0.y.isFinite }
                case .rect(let r): return [r.x, r.y, r.width, r.height].allSatisfy(\.isFinite)
                case .close: return true
                }
            }
        default: return true
        }
    }
}
