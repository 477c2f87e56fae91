// SqliteDb and SqliteStmt: thin RAII wrappers over one sqlite3 connection and
// its prepared statements, turning SQLite result codes into Status. Every
// value reaches SQL through Bind*() (never string concatenation). A SqliteDb
// caches its prepared statements by SQL text, so hot queries are compiled once.
//
// Thread-safety: a SqliteDb and its statements belong to one thread at a time
// (SQLite's multi-thread mode); the search Archive keeps a pool of them.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

// Declares `SqliteStmt* var`, the cached statement `db->Prepare(sql)`, or
// returns its error from the enclosing function (which returns a Status or
// a Result).
#define ANNALS_ASSIGN_STMT(var, db, sql) \
  SqliteStmt* var = nullptr;             \
  {                                      \
    auto _r = (db)->Prepare(sql);        \
    if (!_r.ok()) return _r.status();    \
    var = *_r;                           \
  }

namespace annals {

// One prepared statement. Reset automatically when re-acquired from the cache.
class SqliteStmt {
 public:
  explicit SqliteStmt(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~SqliteStmt() { sqlite3_finalize(stmt_); }
  SqliteStmt(const SqliteStmt&) = delete;
  SqliteStmt& operator=(const SqliteStmt&) = delete;

  // Parameters are 1-based, as in SQLite.
  void BindInt(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void BindDouble(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  void BindText(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) { sqlite3_bind_null(stmt_, i); }
  // Binds `n` integers from `v` as a JSON array ("[3,1,2]"), for SQL that
  // reads them with json_each(?i): a key list in one statement.
  void BindIntArray(int i, const int64_t* v, size_t n);
  // Binds "" as NULL (optional text columns).
  void BindTextOrNull(int i, std::string_view v) {
    if (v.empty()) BindNull(i);
    else BindText(i, v);
  }

  // Advances: returns true with a row, false when done; errors go to *status.
  bool Step(Status* status);
  // Runs a statement that returns no rows.
  Status Run();
  // Clears bindings and rewinds.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int64_t Int(int col) const { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  // Text of a column ("" for NULL); valid until the next Step/Reset.
  std::string_view Text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (p == nullptr) return {};
    return std::string_view(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, col));
  }
  std::string Str(int col) const { return std::string(Text(col)); }
  sqlite3_stmt* raw() { return stmt_; }

 private:
  sqlite3_stmt* stmt_;
};

struct SqliteOpenOptions {
  bool read_only = false;    // SQLITE_OPEN_READONLY; never creates the file
  bool create = true;        // create the file if missing (ignored when read_only)
  int busy_timeout_ms = 10000;  // wait this long for a lock held by another connection
};

class SqliteDb {
 public:
  // Opens `path` (":memory:" for an in-memory database).
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, const SqliteOpenOptions& options);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements with no parameters (schema, pragmas, BEGIN).
  Status Exec(std::string_view sql);
  // A cached prepared statement for `sql`, reset and with bindings cleared.
  // The pointer stays valid for the life of the SqliteDb; do not use the same
  // statement twice at once (nested loops need distinct SQL text).
  Result<SqliteStmt*> Prepare(const std::string& sql);
  // A fresh, uncached statement (for one-off dynamic SQL such as compiled queries).
  Result<std::unique_ptr<SqliteStmt>> PrepareUncached(const std::string& sql);
  // Runs a query returning one integer (e.g. PRAGMA user_version); 0 if no row.
  Result<int64_t> QueryInt(const std::string& sql);

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* raw() { return db_; }
  const std::string& path() const { return path_; }
  // Interrupts a running statement from another thread (query time limits).
  void Interrupt() { sqlite3_interrupt(db_); }

  // The current error message, prefixed with `what`.
  Status Error(std::string_view what) const;

 private:
  SqliteDb(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStmt>> cache_;
};

}  // namespace annals
