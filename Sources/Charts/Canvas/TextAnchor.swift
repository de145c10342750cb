/// Which point of a label its position names: its start, middle or end (left, centre, right).
public enum TextAnchor: Sendable, Hashable {
    case start, middle, end
}
