// HttpServer: static assets, security headers, limits and error pages.
#include "http/server.h"

#include <httplib.h>

#include "http/assets.h"

namespace annals {

HttpServer::HttpServer(ServerOptions options, std::function<void(httplib::Server*)> register_api)
    : options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  httplib::Server& s = *server_;
  const int threads = options_.threads;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.set_payload_max_length(options_.max_request_bytes);
  s.set_read_timeout(5, 0);
  s.set_write_timeout(10, 0);
  s.set_keep_alive_max_count(1000);
  // httplib sends a response's headers and body in separate writes; with
  // Nagle's algorithm the body then waits for the client's delayed ACK of
  // the headers, 40 ms on Linux, which was the whole median latency of a
  // keep-alive client on an idle server (bench/http_load.sh).
  s.set_tcp_nodelay(true);
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"Referrer-Policy", "no-referrer"},
                         {"Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'"}});
  register_api(&s);
  // Everything else: the embedded UI; unknown paths under /api are JSON 404s.
  s.Get(R"(/(.*))", [](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) {
      res.status = 404;
      res.set_content(R"({"error":{"message":"no such API endpoint"}})", "application/json");
      return;
    }
    const Asset* a = FindAsset(req.path);
    if (a == nullptr) {
      res.status = 404;
      res.set_content("not found", "text/plain");
      return;
    }
    res.set_header("Cache-Control", "no-cache");
    res.set_content(a->data, a->size, ContentTypeFor(a->path));
  });
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    res.status = 500;
    res.set_content(R"({"error":{"message":"internal error"}})", "application/json");
  });
}

HttpServer::~HttpServer() = default;

Status HttpServer::Run(const std::function<void(int port)>& on_ready) {
  int port = options_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(options_.host);
  } else if (!server_->bind_to_port(options_.host, port)) {
    port = -1;
  }
  if (port < 0)
    return Status::IoError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                           " (in use, or not allowed)");
  if (on_ready) on_ready(port);
  if (!server_->listen_after_bind()) return Status::IoError("server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() { server_->stop(); }

}  // namespace annals
