import GRDB

/// The Almanac data contract (DESIGN.md, "The data contract") as versioned migrations.
///
/// Dates are ISO `YYYY-MM-DD` text; the `CHECK (x = date(x, '+0 days'))` constraints reject anything else,
/// so every date comparison in SQL is a plain string comparison.
public enum Schema {
    /// `PRAGMA application_id` of every Almanac database ("ALMN"): how we tell our files from
    /// other applications' SQLite files before touching them.
    public static let applicationID: Int32 = 0x414C_4D4E

    /// The migrations, oldest first. Never edit a released migration: add a new one.
    public static let migrationNames = ["v1-data-contract", "v2-members-sector-country-index", "v3-members-external-id"]

    /// The schema version a database has when every migration has run.
    public static var currentVersion: Int { migrationNames.count }

    /// Tables in dependency order: importing in this order never trips a foreign key.
    public static let tableOrder = [
        "organization", "regions", "countries", "members", "working_groups", "working_group_members",
        "partners", "activities", "activity_partners", "attendance", "grants", "targets",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(migrationNames[0]) { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: v1)
        }
        migrator.registerMigration(migrationNames[1]) { db in
            try db.execute(sql: v2)
        }
        migrator.registerMigration(migrationNames[2]) { db in
            try db.execute(sql: v3)
        }
        return migrator
    }

    private static let v1 = """
        CREATE TABLE organization (
            id          INTEGER PRIMARY KEY CHECK (id = 1),
            name        TEXT NOT NULL CHECK (name <> ''),
            short_name  TEXT,
            founded_on  TEXT CHECK (founded_on IS NULL OR founded_on = date(founded_on, '+0 days'))
        );
        CREATE TABLE regions (
            id    INTEGER PRIMARY KEY,
            name  TEXT NOT NULL UNIQUE CHECK (name <> '')
        );
        CREATE TABLE countries (
            code       TEXT PRIMARY KEY CHECK (length(code) = 2 AND code = upper(code)),
            name       TEXT NOT NULL CHECK (name <> ''),
            region_id  INTEGER NOT NULL REFERENCES regions(id)
        );
        CREATE INDEX countries_region ON countries(region_id);
        CREATE TABLE members (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL CHECK (name <> ''),
            email         TEXT,
            country_code  TEXT REFERENCES countries(code),
            sector        TEXT,
            joined_on     TEXT NOT NULL CHECK (joined_on = date(joined_on, '+0 days')),
            left_on       TEXT CHECK (left_on IS NULL OR (left_on = date(left_on, '+0 days') AND left_on >= joined_on))
        );
        -- active(d) = joined_on <= d AND (left_on IS NULL OR left_on > d): both columns in one index
        -- lets the metrics count members from the index alone.
        CREATE INDEX members_joined ON members(joined_on, left_on);
        CREATE INDEX members_left ON members(left_on) WHERE left_on IS NOT NULL;
        CREATE INDEX members_country ON members(country_code, joined_on, left_on);
        CREATE TABLE working_groups (
            id              INTEGER PRIMARY KEY,
            name            TEXT NOT NULL UNIQUE CHECK (name <> ''),
            kind            TEXT NOT NULL CHECK (kind IN ('regional', 'thematic')),
            established_on  TEXT NOT NULL CHECK (established_on = date(established_on, '+0 days')),
            region_id       INTEGER REFERENCES regions(id)
        );
        CREATE INDEX working_groups_established ON working_groups(established_on);
        CREATE TABLE working_group_members (
            working_group_id  INTEGER NOT NULL REFERENCES working_groups(id),
            member_id         INTEGER NOT NULL REFERENCES members(id),
            joined_on         TEXT NOT NULL CHECK (joined_on = date(joined_on, '+0 days')),
            left_on           TEXT CHECK (left_on IS NULL OR (left_on = date(left_on, '+0 days') AND left_on >= joined_on)),
            PRIMARY KEY (working_group_id, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX working_group_members_member ON working_group_members(member_id);
        CREATE TABLE partners (
            id    INTEGER PRIMARY KEY,
            name  TEXT NOT NULL UNIQUE CHECK (name <> '')
        );
        CREATE TABLE activities (
            id                INTEGER PRIMARY KEY,
            kind              TEXT,
            title             TEXT NOT NULL,
            held_on           TEXT NOT NULL CHECK (held_on = date(held_on, '+0 days')),
            working_group_id  INTEGER REFERENCES working_groups(id),
            participants      INTEGER CHECK (participants IS NULL OR participants >= 0)
        );
        CREATE INDEX activities_held ON activities(held_on);
        CREATE INDEX activities_working_group ON activities(working_group_id);
        CREATE TABLE activity_partners (
            activity_id  INTEGER NOT NULL REFERENCES activities(id),
            partner_id   INTEGER NOT NULL REFERENCES partners(id),
            PRIMARY KEY (activity_id, partner_id)
        ) WITHOUT ROWID;
        CREATE TABLE attendance (
            activity_id  INTEGER NOT NULL REFERENCES activities(id),
            member_id    INTEGER NOT NULL REFERENCES members(id),
            PRIMARY KEY (activity_id, member_id)
        ) WITHOUT ROWID;
        CREATE INDEX attendance_member ON attendance(member_id);
        CREATE TABLE grants (
            id            INTEGER PRIMARY KEY,
            funder        TEXT NOT NULL CHECK (funder <> ''),
            title         TEXT NOT NULL,
            amount_cents  INTEGER CHECK (amount_cents IS NULL OR amount_cents >= 0),
            currency      TEXT CHECK (currency IS NULL OR length(currency) = 3),
            starts_on     TEXT NOT NULL CHECK (starts_on = date(starts_on, '+0 days')),
            ends_on       TEXT NOT NULL CHECK (ends_on = date(ends_on, '+0 days') AND ends_on >= starts_on),
            purpose       TEXT
        );
        CREATE INDEX grants_period ON grants(starts_on, ends_on);
        CREATE TABLE targets (
            id         INTEGER PRIMARY KEY,
            metric     TEXT NOT NULL CHECK (metric <> ''),
            starts_on  TEXT NOT NULL CHECK (starts_on = date(starts_on, '+0 days')),
            ends_on    TEXT NOT NULL CHECK (ends_on = date(ends_on, '+0 days') AND ends_on >= starts_on),
            value      REAL NOT NULL,
            note       TEXT
        );
        CREATE INDEX targets_period ON targets(starts_on, ends_on);
        """

    /// Metrics group the members active at a day by sector and by country in one pass over
    /// this covering index; without it SQLite sorts the whole members table (issue 4).
    private static let v2 = """
        CREATE INDEX members_sector_country ON members(sector, country_code, joined_on, left_on);
        """

    /// Members keep the CRM's own id so attendance rows and later imports find them (issue 11);
    /// refreshes also find members by e-mail, whatever its case.
    private static let v3 = """
        ALTER TABLE members ADD COLUMN external_id TEXT CHECK (external_id IS NULL OR external_id <> '');
        CREATE UNIQUE INDEX members_external_id ON members(external_id) WHERE external_id IS NOT NULL;
        CREATE INDEX members_email ON members(lower(email));
        """
}
