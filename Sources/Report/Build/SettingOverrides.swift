import Base
import ReportSyntax

/// `--set key=value` for the settings that are not plain text: `paper`, `orientation` and
/// `created` replace the front matter's (checked as the front matter's are); keys that only the
/// front matter or other options can give are refused, so no `--set` is silently ignored.
enum SettingOverrides {
    /// Keys `--set` cannot change, with what to do instead.
    static let refused: [String: String] = [
        "period": "give --year or --from/--to", "from": "give --from and --to", "to": "give --from and --to",
        "grant": "set grant: in the report's front matter", "theme": "edit theme: in the report's front matter",
        "queries": "edit queries: in the report's front matter", "logo": "set the logo in the report's front matter",
    ]

    static func apply(_ overrides: [String: String], to settings: ReportSettings) throws -> ReportSettings {
        var settings = settings
        for (key, value) in overrides.sorted(by: { $0.key < $1.key }) {
            if let instead = refused[key] { throw SettingError("--set \(key)=…: \(key) cannot be set on the command line; \(instead)") }
            switch key {
            case "paper":
                guard ["a4", "letter"].contains(value.lowercased()) else { throw SettingError("--set paper=\(value): paper must be a4 or letter") }
                settings.paper = value.lowercased()
            case "orientation":
                guard ["portrait", "landscape"].contains(value.lowercased()) else {
                    throw SettingError("--set orientation=\(value): orientation must be portrait or landscape")
                }
                settings.landscape = value.lowercased() == "landscape"
            case "created":
                guard let date = CalendarDate(iso: value) else { throw SettingError("--set created=\(value): created must be a YYYY-MM-DD date") }
                settings.created = date
            default:
                break
            }
        }
        return settings
    }
}

/// A bad `--set` value: one line, no file position (it came from the command line).
public struct SettingError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
