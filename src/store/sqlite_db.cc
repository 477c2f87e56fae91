// SqliteDb: opening, executing and preparing, with SQLite codes as Status.
#include "store/sqlite_db.h"

namespace annals {

namespace {

Status FromCode(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_INTERRUPT: return Status::TimedOut("query interrupted: over the time limit");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::Corruption(msg);
    case SQLITE_CANTOPEN: return Status::IoError(msg);
    case SQLITE_ERROR: return Status::InvalidArgument(msg);
    default: return Status::IoError(msg);
  }
}

}  // namespace

bool SqliteStmt::Step(Status* status) {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc != SQLITE_DONE) {
    sqlite3* db = sqlite3_db_handle(stmt_);
    *status = FromCode(db, rc, "sqlite step");
  }
  return false;
}

void SqliteStmt::BindIntArray(int i, const int64_t* v, size_t n) {
  std::string json = "[";
  for (size_t k = 0; k < n; ++k) {
    if (k) json.push_back(',');
    json += std::to_string(v[k]);
  }
  json.push_back(']');
  BindText(i, json);
}

Status SqliteStmt::Run() {
  Status st;
  while (Step(&st)) {
  }
  sqlite3_reset(stmt_);
  return st;
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, const SqliteOpenOptions& o) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX;
  if (o.read_only) flags |= SQLITE_OPEN_READONLY;
  else flags |= SQLITE_OPEN_READWRITE | (o.create ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status st = FromCode(db, rc, path);
    if ((rc & 0xff) == SQLITE_CANTOPEN) st = Status::NotFound(path + ": cannot open database");
    sqlite3_close(db);
    return st;
  }
  sqlite3_busy_timeout(db, o.busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db, path));
}

SqliteDb::~SqliteDb() {
  cache_.clear();  // statements must be finalised before the connection closes
  sqlite3_close(db_);
}

Status SqliteDb::Error(std::string_view what) const { return FromCode(db_, sqlite3_errcode(db_), what); }

Status SqliteDb::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = "sqlite: ";
    msg += err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    const int primary = rc & 0xff;
    if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) return Status::Corruption(msg);
    if (primary == SQLITE_ERROR) return Status::Internal(msg);
    return Status::IoError(msg);
  }
  return Status::Ok();
}

Result<SqliteStmt*> SqliteDb::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  auto st = PrepareUncached(sql);
  if (!st.ok()) return st.status();
  SqliteStmt* p = st->get();
  cache_.emplace(sql, std::move(*st));
  return p;
}

Result<std::unique_ptr<SqliteStmt>> SqliteDb::PrepareUncached(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                              nullptr);
  if (rc != SQLITE_OK) return Status::Internal(std::string("sqlite prepare: ") + sqlite3_errmsg(db_) + " in: " + sql);
  return std::make_unique<SqliteStmt>(stmt);
}

Result<int64_t> SqliteDb::QueryInt(const std::string& sql) {
  auto st = Prepare(sql);
  if (!st.ok()) return st.status();
  SqliteStmt* s = *st;
  Status status;
  int64_t v = 0;
  if (s->Step(&status)) v = s->Int(0);
  s->Reset();
  if (!status.ok()) return status;
  return v;
}

}  // namespace annals
