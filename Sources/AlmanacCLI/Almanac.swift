// Almanac turns an organization's membership database into typeset annual reports.
//
//   CSV exports ──import──▶ SQLite (Store) ──SQL──▶ MetricSet (Metrics)
//                                                      │
//   Reports/*.md ─────────────────────────────────────┴──▶ Document (Report)
//                                                            ▼
//                                        Layout: measure (Pango) → flow → [Page]
//                                                            ▼
//                                        Render: Cairo → PDF (and PNG previews)
//
// This target is deliberately thin: it parses arguments, calls the modules, and turns their
// errors into one-line messages on stderr with a non-zero exit.
import ArgumentParser
import Base
import Foundation
import Layout
import Metrics
import Render
import Report
import ReportSyntax
import Store

/// The `almanac` command and its subcommands.
public struct Almanac: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "almanac",
        abstract: "Typeset annual reports from a membership and activity database.",
        discussion: """
            Examples:
              almanac sample lpsa.db                 # the sample organization's database
              almanac check lpsa.db                  # data-quality report
              almanac import lpsa.db members members.csv --map "Join Date=joined_on"
            """,
        version: version,
        subcommands: [Init.self, Import.self, Check.self, Sample.self, MetricsCommand.self, Build.self, Lint.self, Specimen.self, Gallery.self]
    )

    public init() {}
}

/// An error whose `description` is already the one-line message a user should read
/// (`FILE:LINE:COL: …`, naming the place and the fix): printed as is, exit status 1.
protocol UserFacingError: Error, CustomStringConvertible {}

extension StoreError: UserFacingError {}
extension ImportFailure: UserFacingError {}
extension MetricsError: UserFacingError {}
extension LayoutError: UserFacingError {}
extension RenderError: UserFacingError {}
extension ReportError: UserFacingError {}
extension ReportFileError: UserFacingError {}
extension ReportErrors: UserFacingError {}
extension SettingError: UserFacingError {}
extension Cleanup.Stopped: UserFacingError {}

/// Runs a command body, printing user-facing errors as one line each on stderr; a SQLite
/// failure is reported by Store as a problem of `database`.
func reportingErrors(database: String? = nil, _ body: () throws -> Void) throws {
    do {
        if let database { try StoreError.translating(database, body) } else { try body() }
    } catch let error as any UserFacingError {
        SignalHandlers.exitIfStopped()
        Terminal.error(error.description)
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch let error as CocoaError {
        SignalHandlers.exitIfStopped()
        // File-system failures: name the file and the reason, not Foundation's error domain.
        let path = (error.userInfo[NSFilePathErrorKey] as? String) ?? error.errorUserInfo[NSURLErrorKey].map { "\($0)" } ?? "file"
        let reason = (error.userInfo[NSUnderlyingErrorKey] as? NSError)?.localizedDescription ?? error.localizedDescription
        Terminal.error("\(path): \(reason)")
        throw ExitCode(1)
    }
}
