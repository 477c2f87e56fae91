// `annals reindex --db FILE`: rebuilds annals' text index (FILE.index/) from
// the archive's SQLite rows — after copying a database without its index,
// after damage, or to compact it. The old index stays in use until the new
// one commits, so an interrupted reindex changes nothing.
#include <chrono>
#include <cstdio>

#include "cli/commands.h"
#include "store/sqlite_catalog.h"
#include "store/store_writer.h"

namespace annals {

void AddReindexCommand(CLI::App* app, int* exit_code) {
  auto db = std::make_shared<std::string>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app->add_subcommand("reindex", "Rebuild the text index of an archive from its SQLite rows");
  cmd->add_option("--db", *db, "The archive (SQLite file)")->required();
  cmd->add_flag("-q,--quiet", *quiet, "No summary");
  cmd->callback([db, quiet, exit_code] {
    const auto t0 = std::chrono::steady_clock::now();
    StoreOptions o;
    o.rebuild_index = true;  // Open rebuilds
    auto w = StoreWriter::Open(*db, o);
    if (!w.ok()) {
      *exit_code = ReportError(w.status());
      return;
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    auto n = (*w)->db()->QueryInt("SELECT count(*) FROM articles");
    if (!*quiet)
      std::fprintf(stderr, "reindexed %lld articles into %s in %.1f s\n", n.ok() ? static_cast<long long>(*n) : -1LL,
                   IndexDirFor(*db).c_str(), s);
    *exit_code = kExitOk;
  });
}

}  // namespace annals
