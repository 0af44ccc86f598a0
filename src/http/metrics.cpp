#include "http/metrics.hpp"

#include <fmt/format.h>

namespace cocreate::http {

Metrics::Metrics(std::vector<std::string> routes)
    : routes_(std::move(routes)), per_route_(std::make_unique<PerRoute[]>(routes_.size() + 1)) {}

void Metrics::observe(size_t route_index, std::string_view, int status, double seconds) {
    if (route_index > routes_.size()) route_index = routes_.size();
    auto& r = per_route_[route_index];
    const int cls = status / 100;
    if (cls >= 1 && cls <= 5) r.by_class[cls - 1].fetch_add(1, std::memory_order_relaxed);
    size_t b = 0;
    while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
    r.buckets[b].fetch_add(1, std::memory_order_relaxed);
    r.count.fetch_add(1, std::memory_order_relaxed);
    r.sum_us.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::add_gauges(std::function<std::string()> producer) { gauges_.push_back(std::move(producer)); }

std::string Metrics::render() const {
    std::string out;
    out += "# HELP cocreate_http_requests_total HTTP requests by route template and status class.\n";
    out += "# TYPE cocreate_http_requests_total counter\n";
    auto label = [&](size_t i) { return i < routes_.size() ? routes_[i] : std::string("unmatched"); };
    for (size_t i = 0; i <= routes_.size(); ++i) {
        for (int c = 0; c < 5; ++c) {
            const auto n = per_route_[i].by_class[c].load(std::memory_order_relaxed);
            if (n) out += fmt::format("cocreate_http_requests_total{{route=\"{}\",status=\"{}xx\"}} {}\n", label(i), c + 1, n);
        }
    }
    out += "# HELP cocreate_http_request_duration_seconds Time from request read to response ready.\n";
    out += "# TYPE cocreate_http_request_duration_seconds histogram\n";
    for (size_t i = 0; i <= routes_.size(); ++i) {
        const auto& r = per_route_[i];
        const auto count = r.count.load(std::memory_order_relaxed);
        if (!count) continue;
        uint64_t cumulative = 0;
        for (size_t b = 0; b < kBuckets.size(); ++b) {
            cumulative += r.buckets[b].load(std::memory_order_relaxed);
            out += fmt::format("cocreate_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n",
                               label(i), kBuckets[b], cumulative);
        }
        out += fmt::format("cocreate_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label(i), count);
        out += fmt::format("cocreate_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", label(i),
                           static_cast<double>(r.sum_us.load(std::memory_order_relaxed)) / 1e6);
        out += fmt::format("cocreate_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(i), count);
    }
    out += "# TYPE cocreate_http_connections_open gauge\n";
    out += fmt::format("cocreate_http_connections_open {}\n", connections_.load());
    out += "# TYPE cocreate_http_connections_accepted_total counter\n";
    out += fmt::format("cocreate_http_connections_accepted_total {}\n", accepted_.load());
    out += "# TYPE cocreate_http_connections_refused_total counter\n";
    out += fmt::format("cocreate_http_connections_refused_total {}\n", refused_.load());
    for (const auto& g : gauges_) out += g();
    return out;
}

}  // namespace cocreate::http
