/// File names for `--each`: group names that slug alike ("Africa" and "AFRICA!" both make
/// `africa`) get `-2`, `-3`… in order, so no report overwrites another.
enum EachNames {
    static func unique(_ slugs: [String]) -> [(name: String, suffixed: Bool)] {
        var used = Set<String>()
        return slugs.map { slug in
            var name = slug, n = 1
            while used.contains(name) { n += 1; name = "\(slug)-\(n)" }
            used.insert(name)
            return (name, n > 1)
        }
    }
}
