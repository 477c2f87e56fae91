// FacetColumns (facet_columns.h).
#include "search/facet_columns.h"

#include <algorithm>

namespace annals {

Result<std::shared_ptr<const FacetColumns>> FacetColumns::Load(SqliteDb* db, uint64_t generation) {
  auto cols = std::make_shared<FacetColumns>();
  cols->generation_ = generation;
  std::vector<std::pair<int64_t, int64_t>> key_source;
  {
    // SQLite answers this from the articles_source index (key and source per
    // entry), not from the article rows; the order is the index's.
    auto s_or = db->PrepareUncached("SELECT id, ifnull(source_id, -1) FROM articles");
    if (!s_or.ok()) return s_or.status();
    auto& s = *s_or;
    Status st;
    while (s->Step(&st)) key_source.emplace_back(s->Int(0), s->Int(1));
    if (!st.ok()) return st;
  }
  std::sort(key_source.begin(), key_source.end());
  cols->keys_.reserve(key_source.size());
  cols->source_.reserve(key_source.size());
  for (const auto& [key, source] : key_source) {
    cols->keys_.push_back(key);
    cols->source_.push_back(source);
  }
  key_source = {};
  {
    // entities is keyed by (article, idx): rows come article by article.
    auto s_or = db->PrepareUncached("SELECT article, name_id, type FROM entities WHERE type <= 2 ORDER BY article");
    if (!s_or.ok()) return s_or.status();
    auto& s = *s_or;
    Status st;
    size_t a = 0;  // index of the current article in keys_
    cols->begin_.assign(1, 0);
    size_t article_start = 0;  // first index in names_ of the current article
    while (s->Step(&st)) {
      const int64_t article = s->Int(0);
      const int64_t name = s->Int(1);
      const int type = static_cast<int>(s->Int(2));
      while (a < cols->keys_.size() && cols->keys_[a] < article) {
        cols->begin_.push_back(static_cast<uint32_t>(cols->names_.size()));
        article_start = cols->names_.size();
        ++a;
      }
      if (a == cols->keys_.size() || cols->keys_[a] != article || name < 0) continue;  // an orphan row
      // A name listed twice in one article counts once.
      if (std::find(cols->names_.begin() + static_cast<long>(article_start), cols->names_.end(),
                    static_cast<uint32_t>(name)) != cols->names_.end())
        continue;
      cols->names_.push_back(static_cast<uint32_t>(name));
      if (static_cast<size_t>(name) >= cols->name_type_.size()) cols->name_type_.resize(name + 1, 255);
      cols->name_type_[name] = static_cast<uint8_t>(type);
    }
    if (!st.ok()) return st;
    while (cols->begin_.size() < cols->keys_.size() + 1)
      cols->begin_.push_back(static_cast<uint32_t>(cols->names_.size()));
  }
  {
    auto s_or = db->PrepareUncached("SELECT id, name FROM sources");
    if (!s_or.ok()) return s_or.status();
    auto& s = *s_or;
    Status st;
    while (s->Step(&st)) cols->source_names_.emplace(s->Int(0), s->Str(1));
    if (!st.ok()) return st;
  }
  return std::shared_ptr<const FacetColumns>(std::move(cols));
}

void FacetColumns::Count(const std::vector<int64_t>& keys, Tally* out) const {
  std::vector<uint32_t> per_name(name_type_.size(), 0);
  std::vector<uint32_t> touched;
  std::unordered_map<int64_t, int64_t> per_source;
  for (int64_t key : keys) {
    auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
    if (it == keys_.end() || *it != key) continue;
    const size_t a = static_cast<size_t>(it - keys_.begin());
    for (uint32_t i = begin_[a]; i < begin_[a + 1]; ++i) {
      const uint32_t name = names_[i];
      if (per_name[name]++ == 0) touched.push_back(name);
    }
    if (source_[a] >= 0) ++per_source[source_[a]];
  }
  for (auto& v : out->names) v.clear();
  out->sources.clear();
  for (uint32_t name : touched)
    if (name_type_[name] <= 2) out->names[name_type_[name]].emplace_back(per_name[name], name);
  for (const auto& [source, n] : per_source) out->sources.emplace_back(n, source);
}

const std::string& FacetColumns::SourceName(int64_t id) const {
  static const std::string kNone;
  auto it = source_names_.find(id);
  return it == source_names_.end() ? kNone : it->second;
}

}  // namespace annals
