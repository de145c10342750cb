import Base
import GRDB
import Store

/// Notes that tell a reader when a period's numbers cannot mean what they seem: a period that
/// ends in the future or lies before any data is computed all the same, and says so.
enum PeriodNotes {
    static func notes(_ db: Database, _ window: Window, today: CalendarDate) throws -> [String] {
        var notes: [String] = []
        let period = window.current
        if period.end > today {
            notes.append("The period ends after today (\(today.iso)): numbers for later days are not known yet.")
        }
        // Both minimums come from the first entry of an index.
        let firstDay = try String.fetchOne(db, sql: """
            SELECT min(d) FROM (SELECT min(joined_on) AS d FROM members UNION ALL SELECT min(held_on) FROM activities)
            """)
        guard let first = firstDay.flatMap({ CalendarDate(iso: $0) }) else {
            notes.append("The database has no members and no activities yet: every count is zero.")
            return notes
        }
        if period.end < first {
            notes.append("The period ends before the first data (\(first.iso)): every count is zero.")
        } else if window.previous.end < first {
            notes.append("The previous period (\(window.previous)) ends before the first data (\(first.iso)): there is nothing to compare with.")
        }
        return notes
    }
}
