import Foundation
import Base

/// WCAG 2 contrast: relative luminance, contrast ratio, and the readable text colour on a fill.
public enum Contrast {
    /// WCAG AA for normal-size text.
    public static let minimumRatio = 4.5

    /// Relative luminance (WCAG 2.1, sRGB).
    public static func luminance(_ c: Color) -> Double {
        func channel(_ v: UInt8) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.red) + 0.7152 * channel(c.green) + 0.0722 * channel(c.blue)
    }

    /// Contrast ratio between two colours, from 1 (same) to 21 (black on white).
    public static func ratio(_ a: Color, _ b: Color) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    /// `dark` or `light`, whichever reads better on `fill`; black or white if neither reaches AA.
    public static func text(on fill: Color, dark: Color, light: Color = .white) -> Color {
        let best = ratio(dark, fill) >= ratio(light, fill) ? dark : light
        if ratio(best, fill) >= minimumRatio { return best }
        return ratio(.black, fill) >= ratio(.white, fill) ? .black : .white
    }

    /// `color` darkened (towards black) just enough to reach AA on `background`: a series colour
    /// usable for its own direct label (Okabe–Ito orange on white is only 2:1).
    public static func readable(_ color: Color, on background: Color = .white) -> Color {
        var c = color
        var t = 0.0
        while ratio(c, background) < minimumRatio && t < 1 {
            t += 0.05
            c = mix(color, .black, t)
        }
        return c
    }

    /// Linear mix: t = 0 gives `a`, t = 1 gives `b`.
    public static func mix(_ a: Color, _ b: Color, _ t: Double) -> Color {
        func m(_ x: UInt8, _ y: UInt8) -> UInt8 { UInt8((Double(x) * (1 - t) + Double(y) * t).rounded()) }
        return Color(red: m(a.red, b.red), green: m(a.green, b.green), blue: m(a.blue, b.blue))
    }
}
