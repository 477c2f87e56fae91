// ParseSimple (query.h): the small query syntax used by tests, benchmarks
// and the index CLI until src/search's parser drives the index.
#include "index/query.h"

#include <charconv>

#include "index/analyzer.h"
#include "index/segment_builder.h"

namespace annals::index {
namespace {

bool IsKeywordField(std::string_view f) {
  return f == "person" || f == "place" || f == "org" || f == "source" || f == "said" || f == "has";
}

}  // namespace

Result<Query> ParseSimple(std::string_view text, MatchMode mode) {
  Query q;
  q.mode = mode;
  size_t i = 0;
  auto err = [&](size_t pos, const std::string& what) {
    return Status::InvalidArgument("query position " + std::to_string(pos + 1) + ": " + what);
  };
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      i++;
      continue;
    }
    size_t start = i;
    bool negate = false;
    if (text[i] == '-') {
      negate = true;
      i++;
    }
    // Read one item: up to a space outside quotes.
    std::string item;
    bool quoted_value = false;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t') {
      if (text[i] == '"') {
        size_t close = text.find('"', i + 1);
        if (close == std::string_view::npos) return err(i, "unterminated quote");
        item.append(text.substr(i + 1, close - i - 1));
        quoted_value = true;
        i = close + 1;
      } else {
        item.push_back(text[i++]);
      }
    }
    if (item.empty()) return err(start, "empty term");
    // Numeric filter: name>=N, name<=N, name=N.
    size_t op = item.find_first_of("<>=");
    size_t colon = item.find(':');
    if (!quoted_value && op != std::string::npos && op > 0 && (colon == std::string::npos || op < colon)) {
      NumericFilter f;
      f.field = item.substr(0, op);
      std::string_view rest = std::string_view(item).substr(op);
      int kind = 0;  // 1 >=, 2 <=, 3 =
      if (rest.substr(0, 2) == ">=") kind = 1, rest.remove_prefix(2);
      else if (rest.substr(0, 2) == "<=") kind = 2, rest.remove_prefix(2);
      else if (rest.substr(0, 1) == "=") kind = 3, rest.remove_prefix(1);
      int64_t v = 0;
      auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
      if (kind == 0 || ec != std::errc() || p != rest.data() + rest.size()) {
        return err(start, "expected name>=N, name<=N or name=N");
      }
      if (kind == 1 || kind == 3) f.min = v;
      if (kind == 2 || kind == 3) f.max = v;
      q.numeric.push_back(f);
      continue;
    }
    if (colon != std::string::npos && colon > 0) {
      std::string field = item.substr(0, colon);
      std::string value = item.substr(colon + 1);
      std::vector<std::string> terms;
      if (field == "title") {
        for (const std::string& t : AnalyzeToTerms(value)) terms.push_back(TitleTerm(t));
      } else if (IsKeywordField(field)) {
        terms.push_back(KeywordTerm(field, value));
      } else {
        return err(start, "unknown field '" + field + "'");
      }
      if (terms.empty()) return err(start, "empty value for " + field + ":");
      for (auto& t : terms) (negate ? q.exclude : q.require).push_back(std::move(t));
      continue;
    }
    if (!quoted_value && item.back() == '*') {
      std::string prefix = NormalizeKeyword(item.substr(0, item.size() - 1));
      if (prefix.empty() || prefix.find(' ') != std::string::npos) return err(start, "bad prefix");
      if (negate) return err(start, "a prefix cannot be excluded");
      q.clauses.push_back(Clause{ClauseKind::kPrefix, {prefix}});
      continue;
    }
    std::vector<std::string> terms = AnalyzeToTerms(item);
    if (terms.empty()) continue;  // punctuation only
    if (negate) {
      if (terms.size() != 1) return err(start, "only single words can be excluded");
      q.exclude.push_back(terms[0]);
      continue;
    }
    q.clauses.push_back(Clause{terms.size() > 1 ? ClauseKind::kPhrase : ClauseKind::kTerm, std::move(terms)});
  }
  return q;
}

}  // namespace annals::index
