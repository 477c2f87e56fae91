// HttpServer: `annals serve` — the web UI (embedded assets) and the JSON API
// over one archive, on cpp-httplib (Debian's libcpp-httplib-dev: a thread-pool
// HTTP/1.1 server that is enough for loopback and LAN use; we did not need more).
//
// Read-only: the server never writes the database. Binds to loopback unless
// told otherwise. Limits: request body size, page size (in the API layer) and
// per-request query time. Thread-safe: requests run on a pool of threads, each
// API call borrows a read connection from the archive's pool.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "core/status.h"

namespace httplib {
class Server;
}

namespace annals {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0 = any free port (tests)
  int threads = 16;                // request threads
  size_t max_request_bytes = 64 * 1024;  // request line + headers + body
  // The per-query time limit is the Archive's (ArchiveOptions::query_timeout_ms):
  // it interrupts the SQLite statement itself, which a server timer cannot.
};

class HttpServer {
 public:
  // `register_api` adds the /api/... routes (see http/api_routes.h).
  HttpServer(ServerOptions options, std::function<void(httplib::Server*)> register_api);
  ~HttpServer();

  // Binds and serves until Stop(); calls on_ready(port) once listening.
  Status Run(const std::function<void(int port)>& on_ready);
  // Stops a running server (thread-safe, e.g. from a signal watcher).
  void Stop();

 private:
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace annals
