import Base
import Foundation
import Layout
import TestSupport

/// A 220 × 110 px PNG (one colour), for image figures: layout reads only its size.
func makeTestPNG(in dir: String) throws -> String {
    let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAANwAAABuCAIAAADDOuqoAAAA5ElEQVR42u3SsQkAAAgEsd9/VDvBARzCxiKQCY7LdMErkQBTgikxJZgSU4IpMSWYEkyJKcGUmBJMiSnBlJhSBUwJpsSUYEpMCabElGBKMCWmBFNiSjAlpgRTYkowJZgSU4IpMSWYElOCKcGUmBJMiSnBlJgSTIkpwZRgSkwJpsSUYEpMCaYEU2JKMCWmBFNiSjAlpgRTgikxJZgSU4IpMSWYEkyJKcGUmBJMiSnBlJgSTAmmxJRgSkwJpsSUYEowJaYEU2JKMCWmBFNiSjAlmBJTgikxJZgSU4IpwZSYEkyJKeFuAZhgj4BqQpxCAAAAAElFTkSuQmCC")!
    let path = dir + "/picture.png"
    try png.write(to: URL(fileURLWithPath: path))
    return path
}

/// Items between a begin and end tag, per page: the groups tests reason about.
struct TagGroup {
    var tag: StructureTag
    var page: Int
    var texts: [TextItem]
    var items: [PageItem]
}

func groups(_ tag: StructureTag, in pages: [Page]) -> [TagGroup] {
    var out: [TagGroup] = []
    for (p, page) in pages.enumerated() {
        var depth = 0
        var current: TagGroup?
        for item in page.items {
            switch item {
            case .beginTag(let t) where t == tag:
                if depth == 0 { current = TagGroup(tag: tag, page: p, texts: [], items: []) }
                depth += 1
            case .endTag(let t) where t == tag:
                depth -= 1
                if depth == 0, let c = current { out.append(c); current = nil }
            default:
                if depth > 0 {
                    current?.items.append(item)
                    if case .text(let t) = item { current?.texts.append(t) }
                }
            }
        }
    }
    return out
}

extension PageItem {
    var bounds: Rect? {
        switch self {
        case .text(let t): t.bounds
        case .path(let p): p.bounds
        case .image(let i): i.frame
        case .link(let l): l.rect
        default: nil
        }
    }
}
