// The web UI's static files, compiled into the binary from web/ by
// cmake/embed_assets.cmake.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace annals {

struct Asset {
  const char* path;  // URL path, e.g. "/app.js"
  const char* data;  // file bytes
  size_t size;       // byte count
};

// Every embedded file, sorted by path.
const std::vector<Asset>& EmbeddedAssets();

// The asset at `path` ("/" means "/index.html"), or nullptr.
const Asset* FindAsset(std::string_view path);

// Content-Type for a path by its extension.
const char* ContentTypeFor(std::string_view path);

}  // namespace annals
