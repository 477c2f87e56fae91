// Ingester: batching Put() calls into transactions.
#include "store/ingester.h"

#include <ctime>

namespace annals {

Result<std::unique_ptr<Ingester>> Ingester::Open(const std::string& path, IngestOptions options) {
  auto w = StoreWriter::Open(path);
  if (!w.ok()) return w.status();
  if (!options.now) options.now = [] { return static_cast<int64_t>(std::time(nullptr)); };
  return std::unique_ptr<Ingester>(new Ingester(std::move(*w), std::move(options)));
}

Result<bool> Ingester::IsUnchanged(const Document& doc) {
  auto h = writer_->StoredHash(doc.id);
  if (!h.ok()) return h.status();
  return h->has_value() && **h == ContentHash(doc);
}

Status Ingester::Add(const AnnotatedDoc& doc) {
  if (!writer_->in_transaction()) {
    ANNALS_RETURN_IF_ERROR(writer_->Begin());
    in_batch_ = 0;
    batch_bytes_ = 0;
    batch_start_ = std::chrono::steady_clock::now();
  }
  auto r = writer_->Put(doc, options_.now());
  if (!r.ok()) {
    Status st = r.status();
    writer_->Rollback();
    return st;
  }
  switch (*r) {
    case PutOutcome::kAdded: ++stats_.added; break;
    case PutOutcome::kUnchanged: ++stats_.unchanged; break;
    case PutOutcome::kUpdated: ++stats_.updated; break;
  }
  ++in_batch_;
  batch_bytes_ += doc.doc.title.size() + doc.doc.text.size();
  const double age = std::chrono::duration<double>(std::chrono::steady_clock::now() - batch_start_).count();
  if (in_batch_ >= options_.batch_articles || batch_bytes_ >= options_.batch_bytes || age >= options_.batch_seconds)
    return Finish();
  return Status::Ok();
}

Status Ingester::Finish() {
  if (!writer_->in_transaction()) return Status::Ok();
  ANNALS_RETURN_IF_ERROR(writer_->Commit());
  ++stats_.batches;
  in_batch_ = 0;
  batch_bytes_ = 0;
  return Status::Ok();
}

}  // namespace annals
