// ParseQuery: a recursive-descent parser over the query bytes.
#include <cctype>
#include <climits>
#include <cstdlib>

#include "core/date.h"
#include "search/query.h"
#include "store/day_range.h"

namespace annals {

namespace {

constexpr size_t kMaxQueryBytes = 1000;
constexpr int kMaxDepth = 32;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
// Bytes that end a bare word.
bool IsDelimiter(char c) { return IsSpace(c) || c == '(' || c == ')' || c == '"'; }

class Parser {
 public:
  explicit Parser(std::string_view q) : q_(q) {}

  Result<Query> Run() {
    Query out;
    SkipSpace();
    if (pos_ >= q_.size()) return out;
    auto root = ParseOr(0);
    if (!root.ok()) return root.status();
    SkipSpace();
    if (pos_ < q_.size()) {
      if (q_[pos_] == ')') return Error(pos_, "unbalanced ')'");
      return Error(pos_, "unexpected input");
    }
    out.root = std::move(*root);
    return out;
  }

 private:
  using NodePtr = std::unique_ptr<QueryNode>;

  Status Error(size_t at, std::string_view what) const {
    return Status::InvalidArgument("query:" + std::to_string(at + 1) + ": " + std::string(what));
  }

  void SkipSpace() {
    while (pos_ < q_.size() && IsSpace(q_[pos_])) ++pos_;
  }

  // True if the bare word at pos_ is exactly `op` (followed by a delimiter).
  bool AtOperator(std::string_view op) const {
    if (q_.substr(pos_, op.size()) != op) return false;
    const size_t end = pos_ + op.size();
    return end == q_.size() || IsDelimiter(q_[end]);
  }

  NodePtr NewNode(QueryNodeKind kind, size_t at) {
    auto n = std::make_unique<QueryNode>();
    n->kind = kind;
    n->position = static_cast<int>(at + 1);
    return n;
  }

  // Combines children under an and/or node (one child: itself).
  NodePtr Combine(QueryNodeKind kind, size_t at, std::vector<NodePtr> parts) {
    if (parts.size() == 1) return std::move(parts[0]);
    NodePtr n = NewNode(kind, at);
    for (auto& p : parts) {
      if (p->kind == kind) {  // flatten (a AND b) AND c
        for (auto& c : p->children) n->children.push_back(std::move(c));
      } else {
        n->children.push_back(std::move(p));
      }
    }
    return n;
  }

  Result<NodePtr> ParseOr(int depth) {
    const size_t at = pos_;
    std::vector<NodePtr> parts;
    auto first = ParseAnd(depth);
    if (!first.ok()) return first.status();
    parts.push_back(std::move(*first));
    for (;;) {
      SkipSpace();
      if (!AtOperator("OR")) break;
      const size_t op_at = pos_;
      pos_ += 2;
      SkipSpace();
      if (pos_ >= q_.size() || q_[pos_] == ')') return Error(op_at, "expected a term after OR");
      auto next = ParseAnd(depth);
      if (!next.ok()) return next.status();
      parts.push_back(std::move(*next));
    }
    return Combine(QueryNodeKind::kOr, at, std::move(parts));
  }

  Result<NodePtr> ParseAnd(int depth) {
    const size_t at = pos_;
    std::vector<NodePtr> parts;
    for (;;) {
      SkipSpace();
      if (pos_ >= q_.size() || q_[pos_] == ')' || AtOperator("OR")) break;
      if (AtOperator("AND")) {
        const size_t op_at = pos_;
        if (parts.empty()) return Error(op_at, "AND needs a term before it");
        pos_ += 3;
        SkipSpace();
        if (pos_ >= q_.size() || q_[pos_] == ')' || AtOperator("OR") || AtOperator("AND"))
          return Error(op_at, "expected a term after AND");
        continue;
      }
      auto u = ParseUnary(depth);
      if (!u.ok()) return u.status();
      parts.push_back(std::move(*u));
    }
    if (parts.empty()) {
      if (pos_ < q_.size() && AtOperator("OR")) return Error(pos_, "OR needs a term before it");
      if (pos_ < q_.size() && q_[pos_] == ')') return Error(pos_, "expected a term before ')'");
      return Error(pos_, "expected a term");
    }
    return Combine(QueryNodeKind::kAnd, at, std::move(parts));
  }

  Result<NodePtr> ParseUnary(int depth) {
    if (depth >= kMaxDepth) return Error(pos_, "query nested too deeply");
    const size_t at = pos_;
    bool negate = false;
    if (AtOperator("NOT")) {
      pos_ += 3;
      SkipSpace();
      negate = true;
    } else if (q_[pos_] == '-' && pos_ + 1 < q_.size() && !IsSpace(q_[pos_ + 1])) {
      ++pos_;
      negate = true;
    }
    if (negate) {
      if (pos_ >= q_.size() || q_[pos_] == ')') return Error(at, "expected a term after NOT");
      auto inner = ParseUnary(depth + 1);
      if (!inner.ok()) return inner.status();
      NodePtr n = NewNode(QueryNodeKind::kNot, at);
      n->children.push_back(std::move(*inner));
      return n;
    }
    return ParsePrimary(depth);
  }

  // A "phrase" starting at pos_ (which is at the opening quote).
  Result<std::string> ParsePhraseText() {
    const size_t open = pos_;
    ++pos_;
    const size_t close = q_.find('"', pos_);
    if (close == std::string_view::npos) return Error(open, "unterminated phrase: expected '\"'");
    std::string text(q_.substr(pos_, close - pos_));
    pos_ = close + 1;
    bool blank = true;
    for (char c : text) blank = blank && IsSpace(c);
    if (blank) return Error(open, "empty phrase");
    return text;
  }

  std::string_view ReadBare() {
    const size_t start = pos_;
    while (pos_ < q_.size() && !IsDelimiter(q_[pos_])) ++pos_;
    return q_.substr(start, pos_ - start);
  }

  Result<NodePtr> ParsePrimary(int depth) {
    const size_t at = pos_;
    if (pos_ >= q_.size()) return Error(pos_, "expected a term");
    const char c = q_[pos_];
    if (c == '(') {
      ++pos_;
      SkipSpace();
      if (pos_ < q_.size() && q_[pos_] == ')') return Error(pos_, "empty group");
      auto inner = ParseOr(depth + 1);
      if (!inner.ok()) return inner.status();
      SkipSpace();
      if (pos_ >= q_.size() || q_[pos_] != ')') return Error(pos_, "expected ')'");
      ++pos_;
      return std::move(*inner);
    }
    if (c == ')') return Error(pos_, "unbalanced ')'");
    if (c == '"') {
      auto text = ParsePhraseText();
      if (!text.ok()) return text.status();
      NodePtr n = NewNode(QueryNodeKind::kText, at);
      n->text = std::move(*text);
      n->phrase = true;
      return n;
    }
    std::string_view word = ReadBare();
    // Comparison: killed>=100.
    size_t op_at = word.find_first_of("<>=");
    const size_t colon = word.find(':');
    if (op_at != std::string_view::npos && (colon == std::string_view::npos || op_at < colon) && op_at > 0)
      return ParseComparison(at, word, op_at);
    if (colon != std::string_view::npos && colon > 0) return ParseField(at, word.substr(0, colon), word.substr(colon + 1));
    return TextNode(at, word, false);
  }

  Result<NodePtr> TextNode(size_t at, std::string_view word, bool title_only) {
    NodePtr n = NewNode(QueryNodeKind::kText, at);
    n->title_only = title_only;
    if (word.size() > 1 && word.back() == '*') {
      n->prefix = true;
      word.remove_suffix(1);
    }
    if (word.empty() || word == "*") return Error(at, "expected a word");
    if (word.find('*') != std::string_view::npos) return Error(at + word.find('*'), "'*' only at the end of a word");
    n->text = std::string(word);
    return n;
  }

  Result<NodePtr> ParseComparison(size_t at, std::string_view word, size_t op_at) {
    std::string_view name = word.substr(0, op_at);
    CountType type;
    if (!CountTypeFromWord(name, &type))
      return Error(at, "unknown count '" + std::string(name) +
                           "' (killed, wounded, arrested, kidnapped, missing, displaced, evacuated, affected, "
                           "protesters)");
    std::string_view rest = word.substr(op_at);
    CompareOp op;
    if (rest.substr(0, 2) == ">=") op = CompareOp::kGe, rest.remove_prefix(2);
    else if (rest.substr(0, 2) == "<=") op = CompareOp::kLe, rest.remove_prefix(2);
    else if (rest[0] == '>') op = CompareOp::kGt, rest.remove_prefix(1);
    else if (rest[0] == '<') op = CompareOp::kLt, rest.remove_prefix(1);
    else if (rest[0] == '=') op = CompareOp::kEq, rest.remove_prefix(1);
    else return Error(at + op_at, "expected >=, >, <=, < or =");
    const size_t num_at = at + word.size() - rest.size();
    return CountNode(at, type, op, rest, num_at);
  }

  Result<NodePtr> CountNode(size_t at, CountType type, CompareOp op, std::string_view num, size_t num_at) {
    if (num.empty() || num.size() > 15) return Error(num_at, "expected a number");
    int64_t v = 0;
    for (char d : num) {
      if (!std::isdigit(static_cast<unsigned char>(d))) return Error(num_at, "expected a number");
      v = v * 10 + (d - '0');
    }
    NodePtr n = NewNode(QueryNodeKind::kFilter, at);
    n->filter = FilterKind::kCount;
    n->count_type = type;
    n->op = op;
    n->number = v;
    return n;
  }

  // The value after "field:": a bare word or a "phrase".
  Result<std::string> FieldValue(size_t field_at, std::string_view field, std::string_view inline_value) {
    if (!inline_value.empty()) return std::string(inline_value);
    if (pos_ < q_.size() && q_[pos_] == '"') return ParsePhraseText();
    return Error(field_at, "expected a value after '" + std::string(field) + ":'");
  }

  // A date spec: YYYY, YYYY-MM, YYYY-MM-DD as one range.
  Status DateSpec(std::string_view s, size_t at, DayRange* out) {
    auto d = ParseIsoDate(s);
    if (!d.ok()) return Error(at, "invalid date '" + std::string(s) + "': " + d.status().message());
    if (!DateDayRange(*d, out)) return Error(at, "invalid date '" + std::string(s) + "'");
    return Status::Ok();
  }

  // "A", "A..B", "A..", "..B": the range of days.
  Status DateRangeSpec(std::string_view s, size_t at, DayRange* out) {
    const size_t dots = s.find("..");
    if (dots == std::string_view::npos) return DateSpec(s, at, out);
    std::string_view a = s.substr(0, dots), b = s.substr(dots + 2);
    if (a.empty() && b.empty()) return Error(at, "expected a date before or after '..'");
    DayRange ra{INT32_MIN, INT32_MIN}, rb{INT32_MAX, INT32_MAX};
    if (!a.empty()) ANNALS_RETURN_IF_ERROR(DateSpec(a, at, &ra));
    if (!b.empty()) ANNALS_RETURN_IF_ERROR(DateSpec(b, at + dots + 2, &rb));
    out->first = ra.first;
    out->last = rb.last;
    if (out->first > out->last) return Error(at, "the range ends before it starts");
    return Status::Ok();
  }

  Result<NodePtr> ParseField(size_t at, std::string_view field, std::string_view inline_value) {
    const size_t value_at = inline_value.empty() ? pos_ : at + field.size() + 1;
    std::string f(field);
    for (char& ch : f) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (f == "title") {
      if (inline_value.empty() && pos_ < q_.size() && q_[pos_] == '"') {
        auto text = ParsePhraseText();
        if (!text.ok()) return text.status();
        NodePtr n = NewNode(QueryNodeKind::kText, at);
        n->text = std::move(*text);
        n->phrase = true;
        n->title_only = true;
        return n;
      }
      if (inline_value.empty()) return Error(at, "expected a value after 'title:'");
      return TextNode(at, inline_value, true);
    }
    CountType ct;
    if (CountTypeFromWord(f, &ct)) return CountNode(at, ct, CompareOp::kEq, inline_value, value_at);
    auto value = FieldValue(at, field, inline_value);
    if (!value.ok()) return value.status();
    NodePtr n = NewNode(QueryNodeKind::kFilter, at);
    n->value = *value;
    if (f == "person" || f == "org" || f == "place" || f == "source" || f == "said") {
      n->filter = f == "person" ? FilterKind::kPerson
                  : f == "org"  ? FilterKind::kOrg
                  : f == "place" ? FilterKind::kPlace
                  : f == "source" ? FilterKind::kSource
                                  : FilterKind::kSaid;
      return n;
    }
    if (f == "date" || f == "before" || f == "after" || f == "event") {
      DayRange r;
      if (f == "date" || f == "event") {
        ANNALS_RETURN_IF_ERROR(DateRangeSpec(n->value, value_at, &r));
      } else {
        ANNALS_RETURN_IF_ERROR(DateSpec(n->value, value_at, &r));
        if (f == "before") r = DayRange{INT32_MIN, r.first - 1};
        else r = DayRange{r.last + 1, INT32_MAX};
      }
      n->filter = f == "event" ? FilterKind::kEvent : FilterKind::kDate;
      n->day_first = r.first;
      n->day_last = r.last;
      return n;
    }
    if (f == "has") {
      std::string v = n->value;
      for (char& ch : v) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (!v.empty() && v.back() == 's') v.pop_back();
      n->filter = FilterKind::kHas;
      if (v == "quote") n->has = HasWhat::kQuote;
      else if (v == "count") n->has = HasWhat::kCount;
      else if (v == "person") n->has = HasWhat::kPerson;
      else if (v == "org") n->has = HasWhat::kOrg;
      else if (v == "place") n->has = HasWhat::kPlace;
      else if (v == "event") n->has = HasWhat::kEvent;
      else return Error(value_at, "has: expects quote, count, person, org, place or event");
      return n;
    }
    return Error(at, "unknown field '" + std::string(field) +
                         ":' (title, person, org, place, source, said, date, before, after, event, has)");
  }

  std::string_view q_;
  size_t pos_ = 0;
};

void Print(const QueryNode& n, std::string* out) {
  auto quoted = [&](const std::string& s) {
    out->push_back('"');
    *out += s;
    out->push_back('"');
  };
  switch (n.kind) {
    case QueryNodeKind::kText:
      if (n.title_only) *out += "title:";
      quoted(n.text);
      if (n.prefix) out->push_back('*');
      return;
    case QueryNodeKind::kAnd:
    case QueryNodeKind::kOr:
    case QueryNodeKind::kNot:
      *out += n.kind == QueryNodeKind::kAnd ? "(and" : n.kind == QueryNodeKind::kOr ? "(or" : "(not";
      for (const auto& c : n.children) {
        out->push_back(' ');
        Print(*c, out);
      }
      out->push_back(')');
      return;
    case QueryNodeKind::kFilter: break;
  }
  switch (n.filter) {
    case FilterKind::kPerson: *out += "person:"; quoted(n.value); return;
    case FilterKind::kOrg: *out += "org:"; quoted(n.value); return;
    case FilterKind::kPlace: *out += "place:"; quoted(n.value); return;
    case FilterKind::kSource: *out += "source:"; quoted(n.value); return;
    case FilterKind::kSaid: *out += "said:"; quoted(n.value); return;
    case FilterKind::kDate:
    case FilterKind::kEvent: {
      *out += n.filter == FilterKind::kDate ? "date:" : "event:";
      *out += n.day_first <= INT32_MIN ? std::string() : CivilFromDays(n.day_first).ToIso();
      *out += "..";
      *out += n.day_last >= INT32_MAX ? std::string() : CivilFromDays(n.day_last).ToIso();
      return;
    }
    case FilterKind::kHas: {
      static const char* kNames[] = {"quote", "count", "person", "org", "place", "event"};
      *out += "has:";
      *out += kNames[static_cast<int>(n.has)];
      return;
    }
    case FilterKind::kCount: {
      static const char* kOps[] = {">=", ">", "<=", "<", "="};
      *out += CountTypeName(n.count_type);
      *out += kOps[static_cast<int>(n.op)];
      *out += std::to_string(n.number);
      return;
    }
  }
}

}  // namespace

bool CountTypeFromWord(std::string_view w, CountType* out) {
  struct Entry {
    const char* word;
    CountType type;
  };
  static const Entry kWords[] = {
      {"killed", CountType::kKill},         {"dead", CountType::kKill},
      {"deaths", CountType::kKill},         {"wounded", CountType::kWound},
      {"injured", CountType::kWound},       {"arrested", CountType::kArrest},
      {"kidnapped", CountType::kKidnap},    {"abducted", CountType::kKidnap},
      {"missing", CountType::kMissing},     {"displaced", CountType::kDisplaced},
      {"evacuated", CountType::kEvacuate},  {"affected", CountType::kAffect},
      {"protesters", CountType::kProtest},  {"protestors", CountType::kProtest},
  };
  for (const Entry& e : kWords) {
    if (w.size() != std::string_view(e.word).size()) continue;
    bool eq = true;
    for (size_t i = 0; i < w.size() && eq; ++i)
      eq = std::tolower(static_cast<unsigned char>(w[i])) == e.word[i];
    if (eq) {
      *out = e.type;
      return true;
    }
  }
  return false;
}

Result<Query> ParseQuery(std::string_view query) {
  if (query.size() > kMaxQueryBytes)
    return Status::InvalidArgument("query:" + std::to_string(kMaxQueryBytes + 1) + ": query longer than " +
                                   std::to_string(kMaxQueryBytes) + " bytes");
  return Parser(query).Run();
}

int QueryErrorPosition(const Status& status) {
  const std::string& m = status.message();
  if (status.ok() || m.rfind("query:", 0) != 0) return 0;
  return std::atoi(m.c_str() + 6);
}

std::string QueryToString(const Query& q) {
  if (!q.root) return "(all)";
  std::string out;
  Print(*q.root, &out);
  return out;
}

}  // namespace annals
