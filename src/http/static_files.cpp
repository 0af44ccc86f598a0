#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cocreate::http {

namespace fs = std::filesystem;

std::string mime_type_for(std::string_view path) {
    static const std::map<std::string, std::string, std::less<>> kTypes = {
        {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
        {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
        {".jpg", "image/jpeg"}, {".jpeg", "image/jpeg"}, {".gif", "image/gif"}, {".webp", "image/webp"},
        {".ico", "image/x-icon"}, {".woff", "font/woff"}, {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
        {".webmanifest", "application/manifest+json"}, {".map", "application/json"},
    };
    const auto dot = path.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    const auto it = kTypes.find(path.substr(dot));
    return it == kTypes.end() ? "application/octet-stream" : it->second;
}

StaticFiles::StaticFiles(const std::string& root) {
    std::error_code ec;
    if (root.empty() || !fs::is_directory(root, ec)) return;
    auto read = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::ostringstream body;
        body << in.rdbuf();
        return body.str();
    };
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file()) continue;
        const auto ext = it->path().extension();
        if (ext == ".gz" || ext == ".br") continue;  // variants, attached below
        const auto rel = "/" + fs::relative(it->path(), root).generic_string();
        File f{mime_type_for(rel), read(it->path()), {}, {}};
        const auto gz = fs::path(it->path().string() + ".gz"), br = fs::path(it->path().string() + ".br");
        if (fs::exists(gz, ec)) f.gzip = read(gz);
        if (fs::exists(br, ec)) f.brotli = read(br);
        files_.emplace(rel, std::move(f));
    }
}

namespace {

// True when the Accept-Encoding header lists `coding` without q=0.
bool accepts(std::string_view header, std::string_view coding) {
    size_t pos = 0;
    while (pos < header.size()) {
        auto end = header.find(',', pos);
        if (end == std::string_view::npos) end = header.size();
        auto item = header.substr(pos, end - pos);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        const auto semi = item.find(';');
        auto name = item.substr(0, semi);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (name == coding) {
            const auto params = semi == std::string_view::npos ? std::string_view{} : item.substr(semi + 1);
            return params.find("q=0") == std::string_view::npos || params.find("q=0.") != std::string_view::npos;
        }
        pos = end + 1;
    }
    return false;
}

}  // namespace

void StaticFiles::fill(Response& r, const File& f, const Request& req) {
    r.content_type = f.content_type;
    const auto accept = req.header("accept-encoding");
    if (!f.brotli.empty() && accepts(accept, "br")) {
        r.body = f.brotli;
        r.set_header("Content-Encoding", "br");
    } else if (!f.gzip.empty() && accepts(accept, "gzip")) {
        r.body = f.gzip;
        r.set_header("Content-Encoding", "gzip");
    } else {
        r.body = f.body;
    }
    if (!f.gzip.empty() || !f.brotli.empty()) r.set_header("Vary", "Accept-Encoding");
}

std::optional<Response> StaticFiles::serve(const Request& req) const {
    if (files_.empty() || req.path.starts_with("/api/") || req.path == "/api") return std::nullopt;
    Response r;
    auto it = files_.find(req.path);
    if (it != files_.end() && req.path != "/index.html") {
        fill(r, it->second, req);
        r.set_header("Cache-Control", req.path.starts_with("/assets/") ? "public, max-age=31536000, immutable"
                                                                       : "public, max-age=300");
        return r;
    }
    // A missing file that looks like an asset is a real 404, not the app.
    if (req.path.starts_with("/assets/")) return std::nullopt;
    it = files_.find("/index.html");
    if (it == files_.end()) return std::nullopt;
    fill(r, it->second, req);
    r.set_header("Cache-Control", "no-cache");
    return r;
}

}  // namespace cocreate::http
