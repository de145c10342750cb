import Base

extension TextStyle {
    /// Approximate line metrics for placing chart labels (the same proportions as
    /// `TextItem.bounds`): charts size their boxes without asking the shaper for every line.
    var ascent: Double { size * 0.8 }
    var descent: Double { size * 0.25 }
    var lineHeight: Double { size * 1.2 }
}
