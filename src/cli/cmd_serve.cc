// `annals serve --db FILE`: the web UI and the JSON API over one archive.
#include <httplib.h>

#include <csignal>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

#include <sys/resource.h>
#include <unistd.h>

#include "cli/commands.h"
#include "http/api_routes.h"
#include "http/server.h"
#include "search/archive.h"

namespace annals {

namespace {

struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 16;
  int connections = 0;  // 0: one per request thread, capped
  int query_timeout_ms = 5000;  // per database call; 0: no limit
};

HttpServer* g_server_for_signal = nullptr;  // only for the SIGINT/SIGTERM handler
extern "C" void OnStopSignal(int) {
  if (g_server_for_signal != nullptr) g_server_for_signal->Stop();
}

int RunServe(const ServeArgs& a) {
  ArchiveOptions aopt;
  aopt.connections = a.connections > 0 ? a.connections : std::min(a.threads, 16);
  aopt.query_timeout_ms = a.query_timeout_ms;
  auto archive = Archive::Open(a.db, aopt);
  if (!archive.ok()) return ReportError(archive.status());
  ServerOptions sopt;
  sopt.host = a.host;
  sopt.port = a.port;
  sopt.threads = a.threads;
  const Archive* ar = archive->get();
  const ApiLimits limits;
  HttpServer server(sopt, [ar, limits](httplib::Server* s) { RegisterApiRoutes(s, ar, limits); });
  // The UI's first screen asks for the newest articles and the whole
  // archive's stats, facets and monthly timeline; load the index snapshot
  // (its checksums are verified once per generation) and compute the rest
  // (the archive caches it per index generation) while the server starts,
  // not when the first user waits. Errors are left for the requests.
  std::thread warm_up([ar, limits] {
    (void)ar->Search("", SearchOptions{});
    // The rest reads the whole archive (tens of CPU seconds at 1M
    // articles) while requests may already arrive: yield the cores to
    // them. Only this thread is lowered; a request that needs one of these
    // before it is cached computes it itself (no lock is held meanwhile).
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
    (void)ar->Stats();
    (void)ar->GetFacets("", limits.facet_top);
    (void)ar->GetTimeline("", Period::kMonth);
  });
  g_server_for_signal = &server;
  std::signal(SIGINT, OnStopSignal);
  std::signal(SIGTERM, OnStopSignal);
  Status st = server.Run([&](int port) {
    std::printf("annals serve: http://%s:%d/  (database %s; Ctrl-C to stop)\n",
                a.host == "0.0.0.0" ? "127.0.0.1" : a.host.c_str(), port, a.db.c_str());
    if (a.host != "127.0.0.1" && a.host != "localhost" && a.host != "::1")
      std::printf("annals serve: warning: listening on %s, reachable from other machines\n", a.host.c_str());
    std::fflush(stdout);
  });
  g_server_for_signal = nullptr;
  warm_up.join();
  if (!st.ok()) return ReportError(st);
  return kExitOk;
}

}  // namespace

void AddServeCommand(CLI::App* app, int* exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* cmd = app->add_subcommand("serve", "Serve the web UI and JSON API of an archive (read-only)");
  cmd->add_option("--db", args->db, "Archive database file")->required();
  cmd->add_option("--host", args->host, "Address to bind (default: loopback only)");
  cmd->add_option("--port", args->port, "Port (0: any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", args->threads, "Request threads")->check(CLI::Range(1, 256));
  cmd->add_option("--connections", args->connections, "Read connections to the database (default: threads, max 16)");
  cmd->add_option("--query-timeout-ms", args->query_timeout_ms,
                  "Abandon a database call after this many ms with HTTP 503 (0: no limit)")
      ->check(CLI::Range(0, 3600000));
  cmd->callback([args, exit_code] { *exit_code = RunServe(*args); });
}

}  // namespace annals
