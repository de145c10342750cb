/// The Year in Review that `almanac build` runs when no report is named. It is
/// `Reports/year-in-review.md` itself, embedded in the binary at build time (SwiftPM's
/// `embedInCode`, through the symlink in Resources/), so it works from any folder and there is
/// one copy to edit.
public enum BuiltInReports {
    public static let yearInReviewName = "year-in-review.md (built in)"

    public static let yearInReview = String(decoding: PackageResources.year_in_review_md, as: UTF8.self)
}
