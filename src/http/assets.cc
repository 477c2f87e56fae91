// Lookup of embedded web assets.
#include "http/assets.h"

namespace annals {

const Asset* FindAsset(std::string_view path) {
  if (path == "/" || path.empty()) path = "/index.html";
  for (const Asset& a : EmbeddedAssets())
    if (path == a.path) return &a;
  return nullptr;
}

const char* ContentTypeFor(std::string_view path) {
  auto ends = [&](std::string_view ext) {
    return path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".json")) return "application/json";
  return "application/octet-stream";
}

}  // namespace annals
