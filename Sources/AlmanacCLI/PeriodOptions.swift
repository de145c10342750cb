import Base
import ArgumentParser
import Metrics
import Store

/// `--year Y` or `--from D --to D`, shared by every command that computes metrics.
struct PeriodOptions: ParsableArguments {
    @Option(help: "A calendar year, January 1st to December 31st.") var year: Int?
    @Option(help: ArgumentHelp("First day of the period.", valueName: "YYYY-MM-DD")) var from: String?
    @Option(help: ArgumentHelp("Last day of the period (included).", valueName: "YYYY-MM-DD")) var to: String?

    func validate() throws {
        if year != nil, from != nil || to != nil {
            throw ValidationError("--year cannot be combined with --from/--to; give a year or a range")
        }
        if let year, Period.year(year) == nil || year < 1001 { throw ValidationError("--year must be a year from 1001 to 9999 (got \(year))") }
        if (from == nil) != (to == nil) { throw ValidationError("--from and --to go together; give both (the range includes both days)") }
        if let from, let to {
            guard let start = CalendarDate(iso: from) else { throw ValidationError("--from '\(from)' is not a YYYY-MM-DD date") }
            guard let end = CalendarDate(iso: to) else { throw ValidationError("--to '\(to)' is not a YYYY-MM-DD date") }
            if start > end { throw ValidationError("--from \(from) is after --to \(to); the range must run forwards") }
            // The previous period of the same length must be a real range of dates too.
            if let p = Period(start: start, end: end), p.previous.start.year < 1000 || start.year < 1000 {
                throw ValidationError("--from \(from): periods start in the year 1000 or later, and the previous period of the same length (from \(p.previous.start.year < 1 ? "before year 1" : p.previous.start.iso)) must too; give a later --from")
            }
        }
    }

    /// The chosen period, or nil when none was given.
    var period: Period? {
        if let year { return Period.year(year) }
        if let from, let to, let s = CalendarDate(iso: from), let e = CalendarDate(iso: to) { return Period(start: s, end: e) }
        return nil
    }
}
