// The SQLite schema of an annals archive (docs/schema.md) and its migrations.
// The schema version lives in PRAGMA user_version; each migration takes the
// database from version N to N+1 inside one transaction, so an interrupted
// upgrade leaves the old version intact. Enum columns hold the frozen integer
// values of facts.h and core/date.h.
#pragma once

#include "core/status.h"
#include "store/sqlite_db.h"

namespace annals {

// The version this build writes and reads.
inline constexpr int kSchemaVersion = 3;
// The oldest version readers still accept (searched with FTS5: version 2
// has no text-index catalog).
inline constexpr int kMinReadableSchemaVersion = 2;

// Brings a writable database to kSchemaVersion (creating every table in an
// empty file). Fails with a clear message if the file was written by a newer
// annals (a higher user_version) or is not an annals archive.
Status MigrateSchema(SqliteDb* db);

// Checks that a database opened read-only has a version in
// [kMinReadableSchemaVersion, kSchemaVersion].
Status CheckSchemaVersion(SqliteDb* db);

// Connection settings every annals connection uses: WAL journal (readers never
// block the writer), synchronous=NORMAL (a commit is atomic; after a power
// loss the last commits may be missing but never half-applied), foreign keys
// off (facts are deleted explicitly), a 64 MB page cache.
Status ConfigureConnection(SqliteDb* db, bool writer);

}  // namespace annals
