// The JSON API of `annals serve` (docs/api.md): routes under /api/ that map
// HTTP requests onto an Archive (src/search/archive.h). Errors are JSON
// {"error":{"message","position"?}} with 400 (bad query or parameter, with the
// query-error position), 404 (no such article/entity), 503 (query timeout) or
// 500. Page sizes are capped (ApiLimits).
#pragma once

#include "search/archive.h"

namespace httplib {
class Server;
}

namespace annals {

struct ApiLimits {
  int max_page = 100;         // hits/quotes/counts per page
  int max_export = 100000;    // articles per export request
  int facet_top = 10;         // values per facet
};

// The HTTP status for a failed call: 400 bad input, 404 missing, 503 over the
// query time limit (the client may retry), 500 anything else.
int HttpStatusFor(const Status& status);

// Registers every /api/ route on `server`. `archive` must outlive the server.
void RegisterApiRoutes(httplib::Server* server, const Archive* archive, const ApiLimits& limits);

}  // namespace annals
