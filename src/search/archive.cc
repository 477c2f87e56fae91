// Archive: queries over the archive schema. Each public call parses and
// compiles the query (query.h, query_compiler.h), borrows a connection from
// the pool and runs parameterised SQL.
#include "search/archive.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <functional>
#include <map>
#include <unordered_map>

#include "extract/doc_json.h"
#include "search/export_format.h"
#include "search/query.h"
#include "search/query_compiler.h"
#include "index/count.h"
#include "index/filter_cache.h"
#include "index/index_directory.h"
#include "index/search.h"
#include "search/index_match_sets.h"
#include "search/index_query.h"
#include "search/index_snippet.h"
#include "store/article_loader.h"
#include "store/sqlite_catalog.h"
#include "store/day_range.h"
#include "store/index_doc.h"
#include "store/schema.h"

namespace annals {

namespace {

#define ANNALS_ASSIGN_OR_RETURN_STMT(var, expr) \
  auto var##_or = (expr);                       \
  if (!var##_or.ok()) return var##_or.status(); \
  auto& var = *var##_or;

// The SQL selecting the keys (as column `id`) of every article matching a
// compiled query: FTS-driven when there are words, else over articles.
// Parameter ?1 is the FTS expression; the compiled ones start at ?2.
std::string IdSql(const CompiledQuery& c) {
  std::string sql;
  if (!c.fts.empty()) {
    sql = "SELECT f.rowid AS id FROM articles_fts AS f WHERE f.articles_fts MATCH ?1";
    if (!c.where.empty()) sql += " AND " + c.where;
  } else {
    sql = "SELECT f.rowid AS id FROM articles AS f";
    if (!c.where.empty()) sql += " WHERE " + c.where;
  }
  return sql;
}

// Binds ?1 (the FTS expression, if any) and the compiled parameters.
// Returns the number of the next free parameter.
int BindQuery(SqliteStmt* s, const CompiledQuery& c) {
  if (!c.fts.empty()) s->BindText(1, c.fts);
  int i = 2;
  for (const SqlParam& p : c.params) {
    if (std::holds_alternative<int64_t>(p)) s->BindInt(i, std::get<int64_t>(p));
    else s->BindText(i, std::get<std::string>(p));
    ++i;
  }
  return i;
}

// A read transaction on `db` for the life of the object, so that the
// catalog generation read in it names the state every later read sees.
class ReadTransaction {
 public:
  explicit ReadTransaction(SqliteDb* db) : db_(db), status_(db->Exec("BEGIN")) {}
  ~ReadTransaction() {
    if (status_.ok()) (void)db_->Exec("COMMIT");
  }
  ReadTransaction(const ReadTransaction&) = delete;
  ReadTransaction& operator=(const ReadTransaction&) = delete;
  const Status& status() const { return status_; }

 private:
  SqliteDb* db_;
  Status status_;
};

// The index catalog generation in `db`'s open transaction; nullopt for an
// archive without a catalog (nothing is cached for it).
Result<std::optional<uint64_t>> CatalogGeneration(SqliteDb* db) {
  auto has_catalog = db->QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'index_catalog'");
  if (!has_catalog.ok()) return has_catalog.status();
  std::optional<uint64_t> generation;
  if (*has_catalog) {
    auto state = ReadIndexCatalog(db);
    if (state.ok() && state->has_value()) generation = (*state)->generation;
  }
  return generation;
}

// Opens a read transaction on `db` in *tx and reads the catalog generation
// in it, as CatalogGeneration does: what is read later in the transaction
// belongs to that generation.
Result<std::optional<uint64_t>> BeginGenerationRead(SqliteDb* db, std::optional<ReadTransaction>* tx) {
  tx->emplace(db);
  ANNALS_RETURN_IF_ERROR((*tx)->status());
  return CatalogGeneration(db);
}

Result<CompiledQuery> Compile(std::string_view query) {
  auto q = ParseQuery(query);
  if (!q.ok()) return q.status();
  return CompileQuery(*q, "f.rowid", 2);
}

std::string P(int n) { return "?" + std::to_string(n); }

// Turns FTS5 snippet markers (\x02 ... \x03) into highlight ranges.
void StripMarkers(std::string_view marked, std::string* text, std::vector<Highlight>* hl) {
  text->clear();
  uint32_t open = 0;
  for (char c : marked) {
    if (c == '\x02') {
      open = static_cast<uint32_t>(text->size());
    } else if (c == '\x03') {
      hl->push_back(Highlight{open, static_cast<uint32_t>(text->size())});
    } else {
      text->push_back(c);
    }
  }
}

// The first `words` words of `text`, with "…" if cut.
std::string Lead(std::string_view text, int words) {
  size_t i = 0;
  int n = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
  const size_t start = i;
  size_t end = start;
  while (i < text.size() && n < words) {
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    end = i;
    ++n;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
  }
  std::string out(text.substr(start, end - start));
  for (char& c : out)
    if (c == '\n') c = ' ';
  if (end < text.size()) out += "…";
  return out;
}

std::string PeriodLabel(int64_t day, Period p, std::string* first_day) {
  Date d = CivilFromDays(day);
  char buf[32];
  switch (p) {
    case Period::kDay: *first_day = d.ToIso(); return d.ToIso();
    case Period::kWeek: {
      int wy, w;
      IsoWeek(d.year, d.month, d.day, &wy, &w);
      *first_day = CivilFromDays(day - (IsoWeekday(d.year, d.month, d.day) - 1)).ToIso();
      std::snprintf(buf, sizeof buf, "%04d-W%02d", wy, w);
      return buf;
    }
    case Period::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
      *first_day = std::string(buf) + "-01";
      return buf;
    case Period::kYear:
      std::snprintf(buf, sizeof buf, "%04d", d.year);
      *first_day = std::string(buf) + "-01-01";
      return buf;
  }
  return "";
}

const char* kQuoteCols =
    "a.ext_id, a.date, a.title, q.idx, q.kind, q.text, q.span_start, q.span_end, q.cue, q.speaker_name, "
    "q.speaker_mention, q.speaker_role";

QuoteRow ReadQuote(SqliteStmt* s) {
  QuoteRow r;
  r.article_id = s->Str(0);
  r.date = s->Str(1);
  r.title = s->Str(2);
  r.index = static_cast<int>(s->Int(3));
  r.kind = std::string(QuoteKindName(static_cast<QuoteKind>(s->Int(4))));
  r.text = s->Str(5);
  r.start = static_cast<uint32_t>(s->Int(6));
  r.end = static_cast<uint32_t>(s->Int(7));
  r.cue = s->Str(8);
  r.speaker = s->Str(9);
  r.speaker_mention = s->Str(10);
  r.speaker_role = s->Str(11);
  return r;
}

// The evidence is cut from the text as bytes: spans are byte offsets, and
// substr() of TEXT counts characters (wrong after any non-ASCII one).
const char* kCountCols =
    "a.ext_id, a.date, a.title, c.idx, c.type, c.number, c.qualifier, c.victims, c.place, c.date, c.perpetrator, "
    "CAST(substr(CAST(a.text AS BLOB), c.span_start + 1, c.span_end - c.span_start) AS TEXT), c.span_start, "
    "c.span_end";

CountRow ReadCount(SqliteStmt* s) {
  CountRow r;
  r.article_id = s->Str(0);
  r.date = s->Str(1);
  r.title = s->Str(2);
  r.index = static_cast<int>(s->Int(3));
  r.type = std::string(CountTypeName(static_cast<CountType>(s->Int(4))));
  r.number = s->Int(5);
  r.qualifier = std::string(CountQualifierName(static_cast<CountQualifier>(s->Int(6))));
  r.victims = s->Str(7);
  r.place = s->Str(8);
  r.event_date = s->Str(9);
  r.perpetrator = s->Str(10);
  r.evidence = s->Str(11);
  r.start = static_cast<uint32_t>(s->Int(12));
  r.end = static_cast<uint32_t>(s->Int(13));
  return r;
}

// SQL matching quotes (alias q) by any of `speakers`; binds from `*next`.
std::string SpeakerCond(const std::vector<std::string>& speakers, int* next) {
  std::string out;
  for (size_t i = 0; i < speakers.size(); ++i) {
    if (i) out += " OR ";
    out += "q.speaker_name_id IN (SELECT rowid FROM names_fts WHERE names_fts MATCH " + P((*next)++) + ")";
  }
  return "(" + out + ")";
}

void BindSpeakers(SqliteStmt* s, const std::vector<std::string>& speakers, int first) {
  for (const std::string& sp : speakers) s->BindText(first++, FtsString(sp));
}

// SQL matching counts (alias c) by any of the count filters; binds from `*next`.
// `unindexed`: the columns as +c.type and +c.number, which SQLite cannot
// look up in counts_type_number (for joins that must run from their keys).
std::string CountCond(const CompiledQuery& c, int* next, bool unindexed = false) {
  const std::string col = unindexed ? "+c." : "c.";
  std::string out;
  for (size_t i = 0; i < c.count_filters.size(); ++i) {
    if (i) out += " OR ";
    out += "(" + col + "type = " + P(*next) + " AND " + col + "number " + CompareOpSql(c.count_filters[i].op) + " " +
           P(*next + 1) + ")";
    *next += 2;
  }
  return "(" + out + ")";
}

void BindCounts(SqliteStmt* s, const CompiledQuery& c, int first) {
  for (const auto& f : c.count_filters) {
    s->BindInt(first++, static_cast<int64_t>(f.type));
    s->BindInt(first++, f.number);
  }
}

// Quotes of `key` by the query's said: speakers, attached to a hit.
Status AttachQuotes(SqliteDb* db, int64_t key, const CompiledQuery& c, SearchHit* h) {
  if (c.speakers.empty()) return Status::Ok();
  int next = 2;
  std::string qsql = std::string("SELECT ") + kQuoteCols +
                     " FROM quotes q JOIN articles a ON a.id = q.article WHERE q.article = ?1 AND " +
                     SpeakerCond(c.speakers, &next) + " ORDER BY q.idx";
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare(qsql));
  s->BindInt(1, key);
  BindSpeakers(s, c.speakers, 2);
  Status st;
  while (s->Step(&st)) h->quotes.push_back(ReadQuote(s));
  s->Reset();
  return st;
}

// Counts of `key` satisfying the query's count filters, attached to a hit.
Status AttachCounts(SqliteDb* db, int64_t key, const CompiledQuery& c, SearchHit* h) {
  if (c.count_filters.empty()) return Status::Ok();
  int next = 2;
  std::string csql = std::string("SELECT ") + kCountCols +
                     " FROM counts c JOIN articles a ON a.id = c.article WHERE c.article = ?1 AND " +
                     CountCond(c, &next) + " ORDER BY c.idx";
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare(csql));
  s->BindInt(1, key);
  BindCounts(s, c, 2);
  Status st;
  while (s->Step(&st)) h->counts.push_back(ReadCount(s));
  s->Reset();
  return st;
}

// The keys of the articles matching `node` (SQLite), sorted.
Result<std::vector<uint64_t>> KeysMatching(SqliteDb* db, std::unique_ptr<QueryNode> node) {
  Query sub;
  sub.root = std::move(node);
  const CompiledQuery c = CompileQuery(sub, "f.rowid", 2);
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(IdSql(c)));
  BindQuery(s.get(), c);
  std::vector<uint64_t> keys;
  Status st;
  while (s->Step(&st)) keys.push_back(static_cast<uint64_t>(s->Int(0)));
  if (!st.ok()) return st;
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Whether index::Count answers `q` from metadata alone (count.h): one word,
// or none, with at most a date range — its df, or its block metadata within
// the range. Anything else decodes whole posting lists, positions or filter
// bitmaps, which is what SearchOptions::exact_total = false spares.
bool CountIsCheap(const index::Query& q) {
  return q.clauses.size() <= 1 && (q.clauses.empty() || q.clauses[0].kind == index::ClauseKind::kTerm) &&
         q.filter.is_all() && q.require.empty() && q.exclude.empty() && q.numeric.empty() && !q.accept;
}

// One node standing for all of `nodes` (kind: kAnd or kOr).
std::unique_ptr<QueryNode> Combine(std::vector<std::unique_ptr<QueryNode>> nodes, QueryNodeKind kind) {
  if (nodes.size() == 1) return std::move(nodes[0]);
  auto n = std::make_unique<QueryNode>();
  n->kind = kind;
  n->children = std::move(nodes);
  return n;
}

}  // namespace

bool ParsePeriod(std::string_view name, Period* out) {
  if (name == "day") *out = Period::kDay;
  else if (name == "week") *out = Period::kWeek;
  else if (name == "month") *out = Period::kMonth;
  else if (name == "year") *out = Period::kYear;
  else return false;
  return true;
}

bool ParseExportFormat(std::string_view name, ExportFormat* out) {
  if (name == "jsonl") *out = ExportFormat::kJsonl;
  else if (name == "csv") *out = ExportFormat::kCsv;
  else if (name == "gkg") *out = ExportFormat::kGkg;
  else return false;
  return true;
}

// A connection borrowed from the pool for the duration of one call; with a
// time limit, SQLite's progress handler interrupts statements past it.
class Archive::Lease {
 public:
  explicit Lease(const Archive* a) : a_(a), db_(a->Acquire()) {
    if (a->timeout_ms_ > 0) {
      deadline_ = std::chrono::steady_clock::now() + std::chrono::milliseconds(a->timeout_ms_);
      sqlite3_progress_handler(db_->raw(), 4000, &Lease::PastDeadline, this);
    }
  }
  ~Lease() {
    if (a_->timeout_ms_ > 0) sqlite3_progress_handler(db_->raw(), 0, nullptr, nullptr);
    a_->Release(std::move(db_));
  }
  SqliteDb* operator->() { return db_.get(); }
  SqliteDb* get() { return db_.get(); }

 private:
  static int PastDeadline(void* self) {
    return std::chrono::steady_clock::now() > static_cast<Lease*>(self)->deadline_ ? 1 : 0;
  }
  const Archive* a_;
  std::unique_ptr<SqliteDb> db_;
  std::chrono::steady_clock::time_point deadline_;
};

Result<std::unique_ptr<Archive>> Archive::Open(const std::string& path, const ArchiveOptions& options) {
  std::unique_ptr<Archive> a(new Archive());
  a->path_ = path;
  a->index_dir_ = IndexDirFor(path);
  a->verify_index_checksums_ = options.verify_index_checksums;
  a->match_sets_from_index_ = options.match_sets_from_index;
  a->count_keys_by_join_ = options.count_keys_by_join;
  a->timeout_ms_ = std::max(0, options.query_timeout_ms);
  const int n = std::max(1, options.connections);
  for (int i = 0; i < n; ++i) {
    SqliteOpenOptions o;
    o.read_only = true;
    auto db = SqliteDb::Open(path, o);
    if (!db.ok()) return db.status();
    ANNALS_RETURN_IF_ERROR(ConfigureConnection(db->get(), /*writer=*/false));
    if (i == 0) {
      ANNALS_RETURN_IF_ERROR(CheckSchemaVersion(db->get()));
      auto col = (*db)->QueryInt("SELECT count(*) FROM pragma_table_info('names') WHERE name = 'articles'");
      if (!col.ok()) return col.status();
      a->name_counts_ = *col > 0;
    }
    a->free_.push_back(std::move(*db));
  }
  return a;
}

Archive::~Archive() = default;

std::unique_ptr<SqliteDb> Archive::Acquire() const {
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [&] { return !free_.empty(); });
  auto db = std::move(free_.back());
  free_.pop_back();
  return db;
}

void Archive::Release(std::unique_ptr<SqliteDb> db) const {
  {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(std::move(db));
  }
  cv_.notify_one();
}

Result<std::shared_ptr<const index::Snapshot>> Archive::IndexSnapshot(SqliteDb* db, std::string* notice,
                                                                     bool* content2) const {
  if (!has_catalog_.load(std::memory_order_relaxed)) {
    auto has_table = db->QueryInt("SELECT count(*) FROM sqlite_master WHERE name = 'index_catalog'");
    if (!has_table.ok()) return has_table.status();
    if (*has_table == 0) {
      *notice = "this archive predates annals' text index: searched with FTS5; run: annals reindex --db " + path_;
      return std::shared_ptr<const index::Snapshot>();
    }
    has_catalog_.store(true, std::memory_order_relaxed);
  }
  // The generation column names the catalog (both are written together):
  // while it is the loaded snapshot's, the catalog need not be read and
  // decoded again — a fixed cost of every request to the server otherwise.
  {
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare("SELECT generation FROM index_catalog WHERE id = 1"));
    Status st;
    const bool row = s->Step(&st);
    const uint64_t generation = row ? static_cast<uint64_t>(s->Int(0)) : 0;
    s->Reset();
    if (!st.ok()) return st;
    std::lock_guard<std::mutex> lock(index_mu_);
    if (row && index_snap_ && index_snap_->generation == generation) {
      *content2 = index_content2_;
      return index_snap_;
    }
  }
  auto state = ReadIndexCatalog(db);
  if (!state.ok() || !state->has_value()) {
    *notice = "the text index catalog is " + std::string(state.ok() ? "missing" : "unreadable (" + state.status().message() + ")") +
              ": searched with FTS5; run: annals reindex --db " + path_;
    return std::shared_ptr<const index::Snapshot>();
  }
  std::lock_guard<std::mutex> lock(index_mu_);
  if (index_snap_ && index_snap_->generation == (*state)->generation) {
    *content2 = index_content2_;
    return index_snap_;
  }
  auto snap = index::LoadSnapshot(index_dir_, **state, index_snap_.get(), verify_index_checksums_);
  if (!snap.ok()) {
    // Damaged or missing files, or (rarely) files a concurrent ingest merged
    // away after this transaction began: FTS5 answers this one exactly.
    *notice = "the text index is unusable (" + snap.status().message() +
              "): searched with FTS5; if this persists, run: annals reindex --db " + path_;
    return std::shared_ptr<const index::Snapshot>();
  }
  // Filter bitmaps kept for the snapshot's life: a server sees the same
  // filters beside ever-changing words (index/filter_cache.h).
  auto cached = std::make_shared<index::Snapshot>(**snap);
  cached->filter_cache = std::make_shared<index::FilterCache>();
  *snap = std::move(cached);
  bool marked = true;
  const std::string marker = index::KeywordTerm(kIndexContentField, kIndexContentVersion);
  for (const auto& sg : (*snap)->segments) {
    auto r = sg.segment->Find(marker);
    if (!r.ok()) return r.status();
    marked = marked && r->df() == sg.segment->num_docs();
  }
  index_snap_ = *snap;
  index_content2_ = marked;
  *content2 = marked;
  return index_snap_;
}

struct Archive::IndexQuery {
  std::shared_ptr<const index::Snapshot> snap;
  IndexPlan plan;  // plan.query.accept, if set, consults allow and deny
  std::vector<uint64_t> allow, deny;
};

Status Archive::PlanWithIndex(SqliteDb* db, std::string_view query, std::string* notice,
                              std::unique_ptr<IndexQuery>* out) const {
  out->reset();
  auto parsed = ParseQuery(query);
  if (!parsed.ok()) return parsed.status();
  IndexPlanContext ctx;
  auto snap = IndexSnapshot(db, notice, &ctx.content2);
  if (!snap.ok()) return snap.status();
  if (!*snap) return Status::Ok();
  for (const std::string& v : SourceValues(*parsed)) {
    // As the SQL path: sources whose name contains the value, case-insensitive.
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare("SELECT id FROM sources WHERE instr(lower(name), lower(?1)) > 0"));
    s->BindText(1, v);
    Status st;
    std::vector<int64_t> ids;
    while (s->Step(&st)) ids.push_back(s->Int(0));
    s->Reset();
    if (!st.ok()) return st;
    ctx.source_ids.emplace(v, std::move(ids));
  }
  bool needs_reindex = false;
  std::optional<IndexPlan> plan = PlanIndexQuery(&*parsed, ctx, &needs_reindex);
  if (needs_reindex) {
    *notice = "this archive's text index was built by older annals code and lacks some filters: they were "
              "checked in SQLite; run: annals reindex --db " + path_;
  }
  if (!plan) return Status::Ok();
  auto iq = std::make_unique<IndexQuery>();
  iq->snap = *snap;
  iq->plan = std::move(*plan);
  const bool has_allow = !iq->plan.allow.empty();
  if (has_allow) {
    auto k = KeysMatching(db, Combine(std::move(iq->plan.allow), QueryNodeKind::kAnd));
    if (!k.ok()) return k.status();
    iq->allow = std::move(*k);
  }
  if (!iq->plan.deny.empty()) {
    auto k = KeysMatching(db, Combine(std::move(iq->plan.deny), QueryNodeKind::kOr));
    if (!k.ok()) return k.status();
    iq->deny = std::move(*k);
  }
  if (has_allow || !iq->deny.empty()) {
    const IndexQuery* keys = iq.get();  // owned by *out: stays put
    iq->plan.query.accept = [keys, has_allow](uint64_t id) {
      if (has_allow && !std::binary_search(keys->allow.begin(), keys->allow.end(), id)) return false;
      return !std::binary_search(keys->deny.begin(), keys->deny.end(), id);
    };
  }
  *out = std::move(iq);
  return Status::Ok();
}

Status Archive::SearchWithIndex(std::string_view query, const SearchOptions& o, SearchResult* out,
                                bool* used) const {
  *used = false;
  auto c = Compile(query);  // for the quotes and counts attached to hits
  if (!c.ok()) return c.status();
  Lease db(this);
  // One read transaction: the catalog, the SQLite filters and the rows
  // fetched for the hits are one consistent state.
  ANNALS_RETURN_IF_ERROR(db->Exec("BEGIN"));
  struct EndTx {
    SqliteDb* db;
    ~EndTx() { (void)db->Exec("COMMIT"); }
  } end_tx{db.get()};
  std::unique_ptr<IndexQuery> iq;
  ANNALS_RETURN_IF_ERROR(PlanWithIndex(db.get(), query, &out->notice, &iq));
  if (!iq) return Status::Ok();
  const IndexPlan* plan = &iq->plan;
  // Filters alone come newest first, as from SQL; ranked text only for
  // relevance order. A query SQL would rank through FTS5 (words inside the
  // filter expression) is left to it.
  if (plan->filter_only ? !c->fts.empty() : o.sort != SortOrder::kRelevance) return Status::Ok();
  index::Query& q = iq->plan.query;
  const auto& snap = iq->snap;
  const int limit = std::clamp(o.limit, 0, 1000);
  const int offset = std::max(0, o.offset);
  const size_t page_end = static_cast<size_t>(limit + offset);
  // A lower-bound total asks for one hit past the page: finding it proves a
  // next page, so the bound is never the page's own end.
  const bool bound = o.count_total && !o.exact_total;
  q.k = page_end + (bound ? 1 : 0);
  auto r = index::Search(*snap, q);
  if (!r.ok()) return r.status();
  *used = true;
  out->engine = "index";
  out->ranked = !plan->filter_only;
  for (size_t i = static_cast<size_t>(offset); i < std::min(r->hits.size(), page_end); ++i) {
    const int64_t key = static_cast<int64_t>(r->hits[i].id);
    SearchHit h;
    h.score = r->hits[i].score;
    {
      ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare("SELECT a.ext_id, a.date, a.title, s.name, a.url, a.text "
                                                  "FROM articles a LEFT JOIN sources s ON s.id = a.source_id "
                                                  "WHERE a.id = ?1"));
      s->BindInt(1, key);
      Status st;
      if (!s->Step(&st)) {
        s->Reset();
        if (!st.ok()) return st;
        return Status::Corruption("text index names article key " + std::to_string(key) +
                                  " that is not in the archive; run: annals reindex --db " + path_);
      }
      h.id = s->Str(0);
      h.date = s->Str(1);
      h.title = s->Str(2);
      h.source = s->Str(3);
      h.url = s->Str(4);
      if (o.snippets && plan->filter_only) h.snippet = Lead(s->Text(5), o.snippet_tokens);
      else if (o.snippets) IndexSnippet(s->Text(5), *plan, o.snippet_tokens, &h.snippet, &h.snippet_highlights);
      s->Reset();
    }
    ANNALS_RETURN_IF_ERROR(AttachQuotes(db.get(), key, *c, &h));
    ANNALS_RETURN_IF_ERROR(AttachCounts(db.get(), key, *c, &h));
    out->hits.push_back(std::move(h));
  }
  if (o.count_total) {
    if (r->hits.size() < q.k) {
      out->total = static_cast<int64_t>(r->hits.size());  // fewer than asked: every match was found
    } else if (o.exact_total || CountIsCheap(q)) {
      auto all = index::Count(*snap, q);  // doc ids and bitmaps only, no scoring
      if (!all.ok()) return all.status();
      out->total = static_cast<int64_t>(*all);
    } else {
      out->total = static_cast<int64_t>(r->hits.size());  // at least these (page_end + 1)
      out->total_exact = false;
    }
  }
  return Status::Ok();
}

Result<SearchResult> Archive::Search(std::string_view query, const SearchOptions& o) const {
  const auto t0 = std::chrono::steady_clock::now();
  std::string notice;
  if (o.use_index && o.sort != SortOrder::kOldest) {
    SearchResult out;
    bool used = false;
    ANNALS_RETURN_IF_ERROR(SearchWithIndex(query, o, &out, &used));
    if (used) {
      out.query = std::string(query);
      out.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      return out;
    }
    notice = std::move(out.notice);
  }
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  SearchResult out;
  out.query = std::string(query);
  out.ranked = !c->fts.empty() && o.sort == SortOrder::kRelevance;
  out.engine = c->fts.empty() ? "sql" : "fts5";
  out.notice = std::move(notice);
  Lease db(this);
  const std::string ids = IdSql(*c);
  std::string sql = ids;
  if (out.ranked) {
    // Select the rank too: FTS5 computes BM25 once per row.
    sql.replace(0, std::string("SELECT f.rowid AS id").size(), "SELECT f.rowid AS id, f.rank");
    sql += " ORDER BY f.rank";
  } else {
    sql.replace(0, std::string("SELECT f.rowid AS id").size(), "SELECT f.rowid AS id, 0");
    sql += o.sort == SortOrder::kOldest ? " ORDER BY f.rowid ASC" : " ORDER BY f.rowid DESC";
  }
  const int limit = std::clamp(o.limit, 0, 1000);
  const int offset = std::max(0, o.offset);
  const int lp = 2 + static_cast<int>(c->params.size());
  sql += " LIMIT " + P(lp) + " OFFSET " + P(lp + 1);
  // As on the index path, a lower-bound total reads one row past the page.
  const bool bound = o.count_total && !o.exact_total;
  std::vector<std::pair<int64_t, double>> keys;
  bool more = false;  // (bound only) a row past the page exists
  {
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(sql));
    BindQuery(s.get(), *c);
    s->BindInt(lp, limit + (bound ? 1 : 0));
    s->BindInt(lp + 1, offset);
    Status st;
    while (s->Step(&st)) keys.emplace_back(s->Int(0), out.ranked ? -s->Double(1) : 0.0);
    if (!st.ok()) return st;
    more = static_cast<int>(keys.size()) > limit;
    if (more) keys.resize(static_cast<size_t>(limit));
  }
  for (const auto& [key, score] : keys) {
    SearchHit h;
    h.score = score;
    {
      ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare("SELECT a.ext_id, a.date, a.title, s.name, a.url, "
                                                  "substr(a.text, 1, 2000) FROM articles a LEFT JOIN sources s "
                                                  "ON s.id = a.source_id WHERE a.id = ?1"));
      s->BindInt(1, key);
      Status st;
      if (!s->Step(&st)) {
        s->Reset();
        if (!st.ok()) return st;
        continue;  // vanished between the two statements (cannot happen in one read transaction)
      }
      h.id = s->Str(0);
      h.date = s->Str(1);
      h.title = s->Str(2);
      h.source = s->Str(3);
      h.url = s->Str(4);
      if (o.snippets && c->fts.empty()) h.snippet = Lead(s->Text(5), o.snippet_tokens);
      s->Reset();
    }
    if (o.snippets && !c->fts.empty()) {
      ANNALS_ASSIGN_OR_RETURN_STMT(
          s, db->Prepare("SELECT snippet(articles_fts, 1, char(2), char(3), '…', ?2) FROM articles_fts "
                         "WHERE articles_fts MATCH ?1 AND rowid = ?3"));
      s->BindText(1, c->fts);
      s->BindInt(2, std::clamp(o.snippet_tokens, 1, 64));
      s->BindInt(3, key);
      Status st;
      if (s->Step(&st)) StripMarkers(s->Text(0), &h.snippet, &h.snippet_highlights);
      s->Reset();
      if (!st.ok()) return st;
      for (char& ch : h.snippet)
        if (ch == '\n') ch = ' ';
    }
    ANNALS_RETURN_IF_ERROR(AttachQuotes(db.get(), key, *c, &h));
    ANNALS_RETURN_IF_ERROR(AttachCounts(db.get(), key, *c, &h));
    out.hits.push_back(std::move(h));
  }
  if (o.count_total) {
    const bool last_page = bound ? !more : static_cast<int>(keys.size()) < limit;
    if (last_page && (offset == 0 || !keys.empty())) {
      out.total = offset + static_cast<int64_t>(keys.size());  // the last page: every match is before it or on it
    } else if (bound && more) {
      out.total = offset + static_cast<int64_t>(keys.size()) + 1;  // at least these
      out.total_exact = false;
    } else {
      ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached("SELECT count(*) FROM (" + ids + ")"));
      BindQuery(s.get(), *c);
      Status st;
      if (s->Step(&st)) out.total = s->Int(0);
      if (!st.ok()) return st;
    }
  }
  out.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  return out;
}

namespace {

// Facet values as every facet lists them: most articles first, then by name.
bool FacetOrder(const FacetValue& a, const FacetValue& b) {
  return a.articles != b.articles ? a.articles > b.articles : a.name < b.name;
}

// The top_n of (articles, id) candidates `cand` (reordered): every id whose
// count reaches the top_n-th count (ties at the cut included), then their
// names from `name_sql` (?1 = id), then the exact order: FacetOrder.
Status TopFacetValues(SqliteDb* db, std::vector<std::pair<int64_t, int64_t>>* cand, size_t top_n,
                      const char* name_sql, std::vector<FacetValue>* values) {
  values->clear();
  if (cand->empty()) return Status::Ok();
  const size_t n = std::min(cand->size(), top_n);
  std::nth_element(cand->begin(), cand->begin() + (n - 1), cand->end(), std::greater<>());
  const int64_t cut = (*cand)[n - 1].first;
  ANNALS_ASSIGN_OR_RETURN_STMT(ns, db->Prepare(name_sql));
  for (const auto& [k, id] : *cand) {
    if (k < cut) continue;
    ns->BindInt(1, id);
    Status st;
    if (ns->Step(&st)) values->push_back(FacetValue{ns->Str(0), k});
    ns->Reset();
    if (!st.ok()) return st;
  }
  std::sort(values->begin(), values->end(), FacetOrder);
  if (values->size() > top_n) values->resize(top_n);
  return Status::Ok();
}

}  // namespace

Result<Facets> Archive::GetFacets(std::string_view query, int top_n) const {
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  top_n = std::clamp(top_n, 1, 1000);
  Facets out;
  Lease db(this);
  const std::string ids = IdSql(*c);
  const bool whole_archive = c->fts.empty() && c->where.empty();
  std::optional<ReadTransaction> tx;
  std::optional<uint64_t> generation;
  if (whole_archive) {
    // Cached per catalog generation (WholeArchiveCache), read in one
    // transaction with the generation.
    auto g = BeginGenerationRead(db.get(), &tx);
    if (!g.ok()) return g.status();
    generation = *g;
    if (generation) {
      std::lock_guard<std::mutex> lock(cache_mu_);
      const WholeArchiveCache& cache = CacheAt(*generation);
      if (auto it = cache.facets.find(top_n); it != cache.facets.end()) return it->second;
    }
  }
  // A query's facets are counted over the text index's match set when it
  // can answer the query and keeps facet codes (index_match_sets.h), in one
  // read transaction with the names looked up below.
  std::optional<FacetTally> tally;
  if (!whole_archive && match_sets_from_index_) {
    tx.emplace(db.get());
    ANNALS_RETURN_IF_ERROR(tx->status());
    std::string notice;
    std::unique_ptr<IndexQuery> iq;
    ANNALS_RETURN_IF_ERROR(PlanWithIndex(db.get(), query, &notice, &iq));
    if (iq) {
      FacetTally t;
      auto done = TallyIndexFacets(*iq->snap, iq->plan.query, &t);
      if (!done.ok()) return done.status();
      if (*done) tally = std::move(t);
    }
  }
  auto top_of = [&](std::vector<std::pair<int64_t, int64_t>>* cand, const char* name_sql,
                    std::vector<FacetValue>* values) {
    return TopFacetValues(db.get(), cand, static_cast<size_t>(top_n), name_sql, values);
  };
  constexpr const char* kNameSql = "SELECT name FROM names WHERE id = ?1";
  if (whole_archive && name_counts_) {
    // The whole archive: names.articles holds the answer (one row per name).
    ANNALS_ASSIGN_OR_RETURN_STMT(
        s, db->PrepareUncached("SELECT type, name, articles FROM names WHERE type <= 2 AND articles > 0"));
    std::vector<FacetValue> by_type[3];
    Status st;
    while (s->Step(&st)) by_type[s->Int(0)].push_back(FacetValue{s->Str(1), s->Int(2)});
    if (!st.ok()) return st;
    for (auto& v : by_type) {
      const size_t n = std::min(v.size(), static_cast<size_t>(top_n));
      std::partial_sort(v.begin(), v.begin() + n, v.end(), FacetOrder);
      v.resize(n);
    }
    out.people = std::move(by_type[static_cast<int>(EntityType::kPerson)]);
    out.orgs = std::move(by_type[static_cast<int>(EntityType::kOrg)]);
    out.places = std::move(by_type[static_cast<int>(EntityType::kLocation)]);
  } else {
    std::vector<std::pair<int64_t, int64_t>> cand_by_type[3];  // (articles, name id)
    if (tally) {
      for (int type = 0; type <= 2; ++type) cand_by_type[type] = std::move(tally->by_tag[type]);
    } else {
      // Counted here rather than by SQLite's GROUP BY: a common word matches
      // tens of thousands of articles with ~10 entities each, and a hash count
      // over the streamed (article, name) rows is several times faster than
      // SQLite's sorter. Rows come article by article (entities is keyed by
      // (article, idx)); `last` makes each name count once per article.
      ANNALS_ASSIGN_OR_RETURN_STMT(
          s, db->PrepareUncached("WITH r(id) AS MATERIALIZED (" + ids +
                                 ") SELECT e.article, e.name_id, e.type FROM r JOIN entities e "
                                 "ON e.article = r.id WHERE e.type <= 2"));
      BindQuery(s.get(), *c);
      struct Tally {
        int64_t articles = 0;
        int64_t last = -1;  // the article counted last
        int type = 0;
      };
      std::unordered_map<int64_t, Tally> tally_rows;
      Status st;
      while (s->Step(&st)) {
        const int64_t article = s->Int(0);
        Tally& t = tally_rows[s->Int(1)];
        if (t.last == article) continue;
        t.last = article;
        t.type = static_cast<int>(s->Int(2));
        ++t.articles;
      }
      if (!st.ok()) return st;
      for (const auto& [id, t] : tally_rows)
        if (t.type >= 0 && t.type <= 2) cand_by_type[t.type].emplace_back(t.articles, id);
    }
    ANNALS_RETURN_IF_ERROR(top_of(&cand_by_type[static_cast<int>(EntityType::kPerson)], kNameSql, &out.people));
    ANNALS_RETURN_IF_ERROR(top_of(&cand_by_type[static_cast<int>(EntityType::kOrg)], kNameSql, &out.orgs));
    ANNALS_RETURN_IF_ERROR(top_of(&cand_by_type[static_cast<int>(EntityType::kLocation)], kNameSql, &out.places));
  }
  if (whole_archive) {
    // Counted on the articles_source index alone: joining every article row
    // would read the whole file (source_id sits after the text, so each row
    // read walks the text's overflow pages).
    ANNALS_ASSIGN_OR_RETURN_STMT(
        s, db->PrepareUncached("WITH k(source_id, n) AS (SELECT source_id, count(*) FROM articles "
                               "WHERE source_id IS NOT NULL GROUP BY source_id) "
                               "SELECT s.name, k.n FROM k JOIN sources s ON s.id = k.source_id "
                               "ORDER BY k.n DESC, s.name LIMIT ?1"));
    s->BindInt(1, top_n);
    Status st;
    while (s->Step(&st)) out.sources.push_back(FacetValue{s->Str(0), s->Int(1)});
    if (!st.ok()) return st;
  } else if (tally) {
    ANNALS_RETURN_IF_ERROR(top_of(&tally->by_tag[kSourceFacetTag], "SELECT name FROM sources WHERE id = ?1", &out.sources));
  } else {
    const int lp = 2 + static_cast<int>(c->params.size());
    ANNALS_ASSIGN_OR_RETURN_STMT(
        s, db->PrepareUncached("WITH r(id) AS MATERIALIZED (" + ids +
                               ") SELECT s.name, count(*) AS k FROM r JOIN articles a ON a.id = r.id "
                               "JOIN sources s ON s.id = a.source_id GROUP BY s.id ORDER BY k DESC, s.name LIMIT " +
                               P(lp)));
    BindQuery(s.get(), *c);
    s->BindInt(lp, top_n);
    Status st;
    while (s->Step(&st)) out.sources.push_back(FacetValue{s->Str(0), s->Int(1)});
    if (!st.ok()) return st;
  }
  if (generation) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    CacheAt(*generation).facets[top_n] = out;
  }
  return out;
}

Result<Timeline> Archive::GetTimeline(std::string_view query, Period period) const {
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  Timeline out;
  out.period = period;
  Lease db(this);
  const bool whole_archive = c->fts.empty() && c->where.empty();
  std::optional<ReadTransaction> tx;
  std::optional<uint64_t> generation;
  if (whole_archive) {
    // Cached per catalog generation (WholeArchiveCache).
    auto g = BeginGenerationRead(db.get(), &tx);
    if (!g.ok()) return g.status();
    generation = *g;
    if (generation) {
      std::lock_guard<std::mutex> lock(cache_mu_);
      const WholeArchiveCache& cache = CacheAt(*generation);
      if (auto it = cache.timelines.find(period); it != cache.timelines.end()) return it->second;
    }
  }
  // Articles per day bucket (key >> kDayShift; 0 = undated).
  std::vector<std::pair<int64_t, int64_t>> days;
  Status st;
  if (whole_archive) {
    // Every key, counted in a hash map: SQLite reads the keys from its
    // smallest covering index (articles_source), in source order, so its
    // GROUP BY would first sort all of them in a temporary B-tree.
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached("SELECT id FROM articles"));
    std::unordered_map<int64_t, int64_t> per_day;
    while (s->Step(&st)) ++per_day[s->Int(0) >> kDayShift];
    if (!st.ok()) return st;
    days.assign(per_day.begin(), per_day.end());
    std::sort(days.begin(), days.end());
  } else {
    // Over the text index's match set when it can answer the query: the
    // segments' doc dates are the keys' days (store/index_doc.h).
    std::unique_ptr<IndexQuery> iq;
    if (match_sets_from_index_) {
      tx.emplace(db.get());
      ANNALS_RETURN_IF_ERROR(tx->status());
      std::string notice;
      ANNALS_RETURN_IF_ERROR(PlanWithIndex(db.get(), query, &notice, &iq));
    }
    if (iq) {
      auto per_day = MatchesPerDay(*iq->snap, iq->plan.query);
      if (!per_day.ok()) return per_day.status();
      for (const auto& [day, n] : *per_day) days.emplace_back(day == kUndatedDay ? 0 : DayBucket(day), n);
    } else {
      ANNALS_ASSIGN_OR_RETURN_STMT(
          s, db->PrepareUncached("SELECT id >> " + std::to_string(kDayShift) + " AS b, count(*) FROM (" +
                                 IdSql(*c) + ") GROUP BY b ORDER BY b"));
      BindQuery(s.get(), *c);
      while (s->Step(&st)) days.emplace_back(s->Int(0), s->Int(1));
      if (!st.ok()) return st;
    }
  }
  std::map<std::string, TimelineBucket> buckets;
  for (const auto& [bucket, articles] : days) {
    if (bucket == 0) {
      out.undated += articles;
      continue;
    }
    std::string first;
    std::string label = PeriodLabel(bucket - kDayBias, period, &first);
    TimelineBucket& b = buckets[first];
    b.period = label;
    b.first_day = first;
    b.articles += articles;
  }
  for (auto& [k, b] : buckets) out.buckets.push_back(std::move(b));
  if (generation) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    CacheAt(*generation).timelines[period] = out;
  }
  return out;
}

Result<ArticleView> Archive::GetArticle(std::string_view id) const {
  Lease db(this);
  auto key = FindArticleKey(db.get(), id);
  if (!key.ok()) return key.status();
  if (!key->has_value()) return Status::NotFound("no article with id '" + std::string(id) + "'");
  auto a = LoadArticle(db.get(), **key);
  if (!a.ok()) return a.status();
  ArticleView v;
  v.key = a->key;
  v.ingested_at = a->ingested_at;
  v.doc = std::move(a->doc);
  return v;
}

Result<EntityView> Archive::GetEntity(std::string_view name, std::string_view type, int limit) const {
  Lease db(this);
  limit = std::clamp(limit, 1, 10000);
  EntityView v;
  int64_t name_id = -1;
  {
    std::string sql =
        "SELECT n.id, n.type, n.name, (SELECT count(*) FROM entities e WHERE e.name_id = n.id) AS k "
        "FROM names n WHERE n.name = ?1 COLLATE NOCASE";
    std::optional<EntityType> t;
    if (!type.empty()) {
      t = ParseEntityType(type);
      if (!t) return Status::InvalidArgument("unknown entity type '" + std::string(type) + "'");
      sql += " AND n.type = ?2";
    }
    sql += " ORDER BY k DESC LIMIT 1";
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare(sql));
    s->BindText(1, name);
    if (t) s->BindInt(2, static_cast<int>(*t));
    Status st;
    if (s->Step(&st)) {
      name_id = s->Int(0);
      v.type = std::string(EntityTypeName(static_cast<EntityType>(s->Int(1))));
      v.name = s->Str(2);
    }
    s->Reset();
    if (!st.ok()) return st;
    if (name_id < 0) return Status::NotFound("no entity named '" + std::string(name) + "'");
  }
  {
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare("SELECT e.article >> " + std::to_string(kDayShift) +
                                                " AS b, count(DISTINCT e.article) FROM entities e WHERE "
                                                "e.name_id = ?1 GROUP BY b ORDER BY b"));
    s->BindInt(1, name_id);
    Status st;
    std::map<std::string, int64_t> months;
    while (s->Step(&st)) {
      v.articles += s->Int(1);
      if (s->Int(0) == 0) continue;
      std::string first;
      months[PeriodLabel(s->Int(0) - kDayBias, Period::kMonth, &first)] += s->Int(1);
    }
    s->Reset();
    if (!st.ok()) return st;
    for (auto& [m, n] : months) v.mentions_by_month.push_back(EntityMonth{m, n});
  }
  {
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare(std::string("SELECT ") + kQuoteCols +
                                                " FROM quotes q JOIN articles a ON a.id = q.article WHERE "
                                                "q.speaker_name_id = ?1 ORDER BY q.article, q.idx LIMIT ?2"));
    s->BindInt(1, name_id);
    s->BindInt(2, limit);
    Status st;
    while (s->Step(&st)) v.quotes.push_back(ReadQuote(s));
    s->Reset();
    if (!st.ok()) return st;
  }
  {
    // Co-mentioned names and the entity's roles, from one pass over the
    // entity rows of its articles. Counted here rather than by GROUP BY
    // count(DISTINCT): SQLite sorted every co-mention (580k rows for an
    // agency named in 43k articles of a 1M archive: 4 s), and a separate
    // roles query read the same scattered rows again. Rows come grouped by
    // article, each article once, so a name is counted once per article by
    // remembering the article's names seen so far.
    ANNALS_ASSIGN_OR_RETURN_STMT(
        s, db->Prepare("SELECT e2.article, e2.name_id, e2.role FROM (SELECT DISTINCT article FROM entities "
                       "WHERE name_id = ?1) AS e1 JOIN entities e2 ON e2.article = e1.article"));
    s->BindInt(1, name_id);
    std::unordered_map<int64_t, int64_t> articles_of;
    std::map<std::string, int64_t> roles;
    std::vector<int64_t> seen;  // names counted for the current article
    int64_t article = -1;
    Status st;
    while (s->Step(&st)) {
      if (s->Int(0) != article) {
        article = s->Int(0);
        seen.clear();
      }
      const int64_t id = s->Int(1);
      if (id == name_id) {
        if (!s->IsNull(2)) ++roles[s->Str(2)];
        continue;
      }
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      ++articles_of[id];
    }
    s->Reset();
    if (!st.ok()) return st;
    // The 10 most frequent roles (ties by name).
    std::vector<std::pair<int64_t, std::string>> by_count;
    for (auto& [role, k] : roles) by_count.emplace_back(-k, role);
    std::sort(by_count.begin(), by_count.end());
    for (size_t i = 0; i < by_count.size() && i < 10; ++i) v.roles.push_back(std::move(by_count[i].second));
    // The top 20 by count, then name.
    std::vector<std::pair<int64_t, int64_t>> cand;  // (articles, name id)
    cand.reserve(articles_of.size());
    for (const auto& [id, k] : articles_of) cand.emplace_back(k, id);
    ANNALS_RETURN_IF_ERROR(
        TopFacetValues(db.get(), &cand, 20, "SELECT name FROM names WHERE id = ?1", &v.co_occurring));
  }
  return v;
}

namespace {

// The rows statement `s` gives per article (?1 = its key), for `keys` in
// ascending or descending order, `offset` rows skipped, at most `limit`:
// a page read article by article. `bind` binds the statement's other
// parameters after each reset.
template <typename Row, typename Bind, typename Read>
Status PageByKeys(SqliteStmt* s, const std::vector<int64_t>& keys, bool descending, int offset, int limit, Bind bind,
                  Read read, std::vector<Row>* out) {
  int skip = offset;
  for (size_t i = 0; i < keys.size() && static_cast<int>(out->size()) < limit; ++i) {
    s->BindInt(1, keys[descending ? keys.size() - 1 - i : i]);
    bind(s);
    Status st;
    while (static_cast<int>(out->size()) < limit && s->Step(&st)) {
      if (skip > 0) {
        --skip;
        continue;
      }
      out->push_back(read(s));
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<std::vector<int64_t>>> Archive::KeysWithFact(SqliteDb* db, std::string_view query,
                                                                  const CompiledQuery& c, const char* fact) const {
  // The query AND the fact filter; a query the wrapped form does not parse
  // (none that compiled should) is left to SQLite.
  const std::string with_fact =
      c.fts.empty() && c.where.empty() ? std::string(fact) : "(" + std::string(query) + ") " + fact;
  if (!ParseQuery(with_fact).ok()) return std::optional<std::vector<int64_t>>();
  std::string notice;
  std::unique_ptr<IndexQuery> iq;
  ANNALS_RETURN_IF_ERROR(PlanWithIndex(db, with_fact, &notice, &iq));
  if (!iq) return std::optional<std::vector<int64_t>>();
  auto keys = MatchingKeys(*iq->snap, iq->plan.query);
  if (!keys.ok()) return keys.status();
  return std::optional<std::vector<int64_t>>(std::move(*keys));
}

Result<std::vector<QuoteRow>> Archive::ListQuotes(std::string_view query, const ListOptions& o) const {
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  Lease db(this);
  const int limit = std::clamp(o.limit, 0, 10000);
  const int offset = std::max(0, o.offset);
  if (match_sets_from_index_) {
    // The matching articles that have quotes, from the text index in key
    // (= date) order; their quotes are read article by article until the
    // page is full, instead of joining every match's quote rows (a common
    // word at 1M articles: ~20 s of page reads).
    ReadTransaction tx(db.get());
    ANNALS_RETURN_IF_ERROR(tx.status());
    auto keys = KeysWithFact(db.get(), query, *c, "has:quote");
    if (!keys.ok()) return keys.status();
    if (*keys) {
      std::string sql = std::string("SELECT ") + kQuoteCols +
                        " FROM quotes q JOIN articles a ON a.id = q.article WHERE q.article = ?1";
      int next = 2;
      if (!c->speakers.empty()) sql += " AND " + SpeakerCond(c->speakers, &next);
      sql += " ORDER BY q.idx";
      ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare(sql));
      std::vector<QuoteRow> out;
      ANNALS_RETURN_IF_ERROR(PageByKeys(
          s, **keys, /*descending=*/false, offset, limit, [&](SqliteStmt* st) { BindSpeakers(st, c->speakers, 2); },
          ReadQuote, &out));
      return out;
    }
  }
  int next = 2 + static_cast<int>(c->params.size());
  const int speakers_at = next;
  std::string sql = "WITH r(id) AS (" + IdSql(*c) + ") SELECT " + kQuoteCols +
                    " FROM r JOIN quotes q ON q.article = r.id JOIN articles a ON a.id = q.article";
  if (!c->speakers.empty()) sql += " WHERE " + SpeakerCond(c->speakers, &next);
  sql += " ORDER BY q.article, q.idx LIMIT " + P(next) + " OFFSET " + P(next + 1);
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(sql));
  BindQuery(s.get(), *c);
  BindSpeakers(s.get(), c->speakers, speakers_at);
  s->BindInt(next, limit);
  s->BindInt(next + 1, offset);
  std::vector<QuoteRow> out;
  Status st;
  while (s->Step(&st)) out.push_back(ReadQuote(s.get()));
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<CountRow>> Archive::ListCounts(std::string_view query, const ListOptions& o) const {
  CountListOptions co;
  co.offset = o.offset;
  co.limit = o.limit;
  return ListCounts(query, co);
}

bool ParseCountOrder(std::string_view name, CountOrder* out) {
  static constexpr std::pair<std::string_view, CountOrder> kNames[] = {
      {"article", CountOrder::kArticle}, {"number", CountOrder::kNumber},
      {"type", CountOrder::kType},       {"place", CountOrder::kPlace},
      {"event_date", CountOrder::kEventDate}, {"published", CountOrder::kPublished}};
  for (const auto& [n, v] : kNames)
    if (n == name) {
      *out = v;
      return true;
    }
  return false;
}

namespace {

// The SQL shared by ListCounts and CountCounts: matching articles' counts,
// with the query's count filters and the options' type/minimum. Parameters
// from ?`*next` on, bound by BindCountList in the same order. `unindexed`:
// as for CountCond.
Result<std::string> CountListWhere(const CompiledQuery& c, const CountListOptions& o, int* next,
                                   bool unindexed = false) {
  const std::string col = unindexed ? "+c." : "c.";
  std::vector<std::string> conds;
  if (!c.count_filters.empty()) conds.push_back(CountCond(c, next, unindexed));
  if (!o.type.empty()) {
    if (!ParseCountType(o.type)) return Status::InvalidArgument("unknown count type '" + o.type + "'");
    conds.push_back(col + "type = " + P((*next)++));
  }
  if (o.min_number > 0) conds.push_back(col + "number >= " + P((*next)++));
  std::string sql;
  for (size_t i = 0; i < conds.size(); ++i) sql += (i ? " AND " : " WHERE ") + conds[i];
  return sql;
}

int BindCountList(SqliteStmt* s, const CompiledQuery& c, const CountListOptions& o, int at) {
  BindCounts(s, c, at);
  at += 2 * static_cast<int>(c.count_filters.size());
  if (!o.type.empty()) s->BindInt(at++, static_cast<int64_t>(*ParseCountType(o.type)));
  if (o.min_number > 0) s->BindInt(at++, o.min_number);
  return at;
}

const char* CountOrderSql(CountOrder order) {
  switch (order) {
    case CountOrder::kArticle: return "c.article";
    case CountOrder::kNumber: return "c.number";
    case CountOrder::kType: return "c.type";
    case CountOrder::kPlace: return "c.place";
    case CountOrder::kEventDate: return "c.date";
    case CountOrder::kPublished: return "a.date";
  }
  return "c.article";
}

std::string CountOrderBy(const CountListOptions& o) {
  // The order column comes from a fixed table, never from the request.
  return std::string(" ORDER BY ") + CountOrderSql(o.order) + (o.descending ? " DESC" : "") + ", c.article, c.idx";
}

// One page of the count rows of the articles `keys` (ascending) that pass
// the query's count filters and the options, in the options' order: the
// rows ListCounts gives for the query in SQL, without joining every match.
// Up to `by_join` keys, their rows are joined through a JSON array of the
// keys and SQLite sorts them; past it, every count row is walked in the
// list's order and those of matching articles are kept until the page is
// full (at 1M articles a common word matches ~190k articles with counts:
// joining from them took seconds). CROSS JOIN and unindexed conditions
// keep the keys the outer loop, each looked up by its primary key: with a
// count filter SQLite would otherwise range-scan counts_type_number once
// per key.
Status PageCountsOfKeys(SqliteDb* db, const std::vector<int64_t>& keys, size_t by_join, const CompiledQuery& c,
                        const CountListOptions& o, int offset, int limit, std::vector<CountRow>* out) {
  int next = 2;
  auto where = CountListWhere(c, o, &next, /*unindexed=*/keys.size() <= by_join);
  if (!where.ok()) return where.status();
  Status st;
  if (keys.size() <= by_join) {
    const std::string sql = std::string("SELECT ") + kCountCols +
                            " FROM json_each(?1) AS k CROSS JOIN counts c ON c.article = k.value"
                            " CROSS JOIN articles a ON a.id = c.article" +
                            *where + CountOrderBy(o) + " LIMIT " + P(next) + " OFFSET " + P(next + 1);
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(sql));
    s->BindIntArray(1, keys.data(), keys.size());
    BindCountList(s.get(), c, o, 2);
    s->BindInt(next, limit);
    s->BindInt(next + 1, offset);
    while (s->Step(&st)) out->push_back(ReadCount(s.get()));
    return st;
  }
  const std::string walk = std::string("SELECT c.article, c.idx FROM counts c") +
                           (o.order == CountOrder::kPublished ? " JOIN articles a ON a.id = c.article" : "") + *where +
                           CountOrderBy(o);
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(walk));
  BindCountList(s.get(), c, o, 2);
  std::vector<std::pair<int64_t, int64_t>> page;
  int skip = offset;
  while (static_cast<int>(page.size()) < limit && s->Step(&st)) {
    if (!std::binary_search(keys.begin(), keys.end(), s->Int(0))) continue;
    if (skip > 0) {
      --skip;
      continue;
    }
    page.emplace_back(s->Int(0), s->Int(1));
  }
  s.reset();
  if (!st.ok()) return st;
  ANNALS_ASSIGN_OR_RETURN_STMT(row, db->Prepare(std::string("SELECT ") + kCountCols +
                                                " FROM counts c JOIN articles a ON a.id = c.article"
                                                " WHERE c.article = ?1 AND c.idx = ?2"));
  for (const auto& [article, idx] : page) {
    row->BindInt(1, article);
    row->BindInt(2, idx);
    if (row->Step(&st)) out->push_back(ReadCount(row));
    row->Reset();
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

// How many count rows PageCountsOfKeys pages through.
Result<int64_t> CountCountsOfKeys(SqliteDb* db, const std::vector<int64_t>& keys, size_t by_join,
                                  const CompiledQuery& c, const CountListOptions& o) {
  int next = 2;
  auto where = CountListWhere(c, o, &next, /*unindexed=*/keys.size() <= by_join);
  if (!where.ok()) return where.status();
  Status st;
  int64_t n = 0;
  if (keys.size() <= by_join) {
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached("SELECT count(*) FROM json_each(?1) AS k "
                                                       "CROSS JOIN counts c ON c.article = k.value" +
                                                       *where));
    s->BindIntArray(1, keys.data(), keys.size());
    BindCountList(s.get(), c, o, 2);
    if (s->Step(&st)) n = s->Int(0);
    if (!st.ok()) return st;
    return n;
  }
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached("SELECT c.article FROM counts c" + *where));
  BindCountList(s.get(), c, o, 2);
  while (s->Step(&st))
    if (std::binary_search(keys.begin(), keys.end(), s->Int(0))) ++n;
  if (!st.ok()) return st;
  return n;
}

}  // namespace

Result<std::vector<CountRow>> Archive::ListCounts(std::string_view query, const CountListOptions& o) const {
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  Lease db(this);
  const int limit = std::clamp(o.limit, 0, 10000);
  const int offset = std::max(0, o.offset);
  if (match_sets_from_index_) {
    // The matching articles that have counts, from the index. In article
    // order (as ListQuotes) their rows are read article by article until
    // the page is full; other orders: PageCountsOfKeys.
    ReadTransaction tx(db.get());
    ANNALS_RETURN_IF_ERROR(tx.status());
    auto keys = KeysWithFact(db.get(), query, *c, "has:count");
    if (!keys.ok()) return keys.status();
    if (*keys) {
      std::vector<CountRow> out;
      if (o.order != CountOrder::kArticle) {
        ANNALS_RETURN_IF_ERROR(PageCountsOfKeys(db.get(), **keys, count_keys_by_join_, *c, o, offset, limit, &out));
        return out;
      }
      int at = 2;
      auto where = CountListWhere(*c, o, &at);
      if (!where.ok()) return where.status();
      const std::string sql = std::string("SELECT ") + kCountCols +
                              " FROM counts c JOIN articles a ON a.id = c.article" +
                              (where->empty() ? " WHERE" : *where + " AND") + " c.article = ?1 ORDER BY c.idx";
      ANNALS_ASSIGN_OR_RETURN_STMT(s, db->Prepare(sql));
      ANNALS_RETURN_IF_ERROR(PageByKeys(
          s, **keys, o.descending, offset, limit, [&](SqliteStmt* st) { BindCountList(st, *c, o, 2); }, ReadCount,
          &out));
      return out;
    }
  }
  int next = 2 + static_cast<int>(c->params.size());
  const int counts_at = next;
  auto where = CountListWhere(*c, o, &next);
  if (!where.ok()) return where.status();
  const std::string sql = "WITH r(id) AS (" + IdSql(*c) + ") SELECT " + kCountCols +
                          " FROM r JOIN counts c ON c.article = r.id JOIN articles a ON a.id = c.article" + *where +
                          CountOrderBy(o) + " LIMIT " + P(next) + " OFFSET " + P(next + 1);
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(sql));
  BindQuery(s.get(), *c);
  BindCountList(s.get(), *c, o, counts_at);
  s->BindInt(next, limit);
  s->BindInt(next + 1, offset);
  std::vector<CountRow> out;
  Status st;
  while (s->Step(&st)) out.push_back(ReadCount(s.get()));
  if (!st.ok()) return st;
  return out;
}

Result<int64_t> Archive::CountCounts(std::string_view query, const CountListOptions& o) const {
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  Lease db(this);
  if (match_sets_from_index_) {
    ReadTransaction tx(db.get());
    ANNALS_RETURN_IF_ERROR(tx.status());
    auto keys = KeysWithFact(db.get(), query, *c, "has:count");
    if (!keys.ok()) return keys.status();
    if (*keys) return CountCountsOfKeys(db.get(), **keys, count_keys_by_join_, *c, o);
  }
  int next = 2 + static_cast<int>(c->params.size());
  const int counts_at = next;
  auto where = CountListWhere(*c, o, &next);
  if (!where.ok()) return where.status();
  const std::string sql = "WITH r(id) AS (" + IdSql(*c) +
                          ") SELECT count(*) FROM r JOIN counts c ON c.article = r.id JOIN articles a ON a.id = c.article" +
                          *where;
  ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(sql));
  BindQuery(s.get(), *c);
  BindCountList(s.get(), *c, o, counts_at);
  Status st;
  int64_t n = 0;
  if (s->Step(&st)) n = s->Int(0);
  if (!st.ok()) return st;
  return n;
}

Status Archive::Export(std::string_view query, ExportFormat format,
                       const std::function<void(std::string_view)>& sink) const {
  auto c = Compile(query);
  if (!c.ok()) return c.status();
  Lease db(this);
  // One read transaction: the export is a consistent snapshot even while an
  // ingest commits.
  ReadTransaction tx(db.get());
  ANNALS_RETURN_IF_ERROR(tx.status());
  // The matching keys in key order: from the text index when it can answer
  // a query (as the lists do), else from SQLite.
  std::vector<int64_t> keys;
  bool from_index = false;
  if (match_sets_from_index_ && !(c->fts.empty() && c->where.empty())) {
    std::string notice;
    std::unique_ptr<IndexQuery> iq;
    ANNALS_RETURN_IF_ERROR(PlanWithIndex(db.get(), query, &notice, &iq));
    if (iq) {
      auto k = MatchingKeys(*iq->snap, iq->plan.query);
      if (!k.ok()) return k.status();
      keys = std::move(*k);
      from_index = true;
    }
  }
  if (!from_index) {
    ANNALS_ASSIGN_OR_RETURN_STMT(s, db->PrepareUncached(IdSql(*c) + " ORDER BY f.rowid"));
    BindQuery(s.get(), *c);
    Status st;
    while (s->Step(&st)) keys.push_back(s->Int(0));
    if (!st.ok()) return st;
  }
  std::string buf;
  if (format == ExportFormat::kCsv) AppendCsvHeader(&buf);
  if (format == ExportFormat::kGkg) AppendGkgHeader(&buf);
  for (int64_t key : keys) {
    auto a = LoadArticle(db.get(), key);
    if (!a.ok()) return a.status();
    switch (format) {
      case ExportFormat::kJsonl: {
        DocJsonOptions jo;
        jo.with_text = true;
        AppendDocJson(a->doc, jo, &buf);
        buf.push_back('\n');
        break;
      }
      case ExportFormat::kCsv: AppendCsvRow(a->doc, &buf); break;
      case ExportFormat::kGkg: AppendGkgRow(a->doc, &buf); break;
    }
    if (buf.size() >= (1u << 16)) {
      sink(buf);
      buf.clear();
    }
  }
  if (!buf.empty()) sink(buf);
  return Status::Ok();
}

Result<IndexHealth> Archive::CheckIndex() const {
  Lease db(this);
  ReadTransaction tx(db.get());
  ANNALS_RETURN_IF_ERROR(tx.status());
  IndexHealth h;
  bool content2 = false;
  auto snap = IndexSnapshot(db.get(), &h.problem, &content2);
  if (!snap.ok()) return snap.status();
  if (!*snap) return h;
  h.usable = true;
  h.checksums_verified = verify_index_checksums_;
  h.segments = static_cast<int>((*snap)->segments.size());
  for (const auto& sg : (*snap)->segments) {
    h.documents += sg.segment->num_docs();
    h.segments_without_facets += sg.segment->num_docs() > 0 && !sg.segment->has_facets();
  }
  return h;
}

Result<ArchiveStats> Archive::Stats() const {
  Lease db(this);
  // Cached per catalog generation (WholeArchiveCache): counting the fact
  // tables of a 1M-article archive takes half a second, and the UI asks on
  // every page load.
  ReadTransaction tx(db.get());
  ANNALS_RETURN_IF_ERROR(tx.status());
  auto generation = CatalogGeneration(db.get());
  if (!generation.ok()) return generation.status();
  if (*generation) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    const WholeArchiveCache& cache = CacheAt(**generation);
    if (cache.stats) return *cache.stats;
  }
  ArchiveStats out;
  auto q = [&](const char* sql, int64_t* v) -> Status {
    auto r = db->QueryInt(sql);
    if (!r.ok()) return r.status();
    *v = *r;
    return Status::Ok();
  };
  int64_t version = 0;
  ANNALS_RETURN_IF_ERROR(q("PRAGMA user_version", &version));
  out.schema_version = static_cast<int>(version);
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM articles", &out.articles));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM sources", &out.sources));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM entities", &out.entities));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM names", &out.names));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM mentions", &out.mentions));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM times", &out.times));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM counts", &out.counts));
  ANNALS_RETURN_IF_ERROR(q("SELECT count(*) FROM quotes", &out.quotes));
  // Undated articles are exactly the keys of day bucket 0 (store/day_range.h):
  // a rowid range, where `date IS NULL` would scan every row of the file.
  const std::string first_dated = std::to_string(FirstKeyOfBucket(1));
  ANNALS_RETURN_IF_ERROR(q(("SELECT count(*) FROM articles WHERE id < " + first_dated).c_str(), &out.undated));
  int64_t pages = 0, page_size = 0;
  ANNALS_RETURN_IF_ERROR(q("PRAGMA page_count", &pages));
  ANNALS_RETURN_IF_ERROR(q("PRAGMA page_size", &page_size));
  out.file_bytes = pages * page_size;
  {
    ANNALS_ASSIGN_OR_RETURN_STMT(
        s, db->Prepare("SELECT (SELECT date FROM articles WHERE id >= " + first_dated +
                       " ORDER BY id LIMIT 1), (SELECT date FROM articles WHERE id >= " + first_dated +
                       " ORDER BY id DESC LIMIT 1)"));
    Status st;
    if (s->Step(&st)) {
      out.first_date = s->Str(0);
      out.last_date = s->Str(1);
    }
    s->Reset();
    if (!st.ok()) return st;
  }
  if (*generation) {
    std::lock_guard<std::mutex> lock(cache_mu_);
    CacheAt(**generation).stats = out;
  }
  return out;
}

Archive::WholeArchiveCache& Archive::CacheAt(uint64_t generation) const {
  if (cache_.generation != generation) {
    cache_ = WholeArchiveCache();
    cache_.generation = generation;
  }
  return cache_;
}

}  // namespace annals
