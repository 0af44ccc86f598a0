#pragma once
// Prometheus metrics: requests and latency per route template, open connections, and
// whatever gauges the composition root adds (database pool). Lock-free on the hot path.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cocreate::http {

class Metrics {
public:
    // `routes`: the templates, by route index; one more slot is kept for unmatched requests.
    explicit Metrics(std::vector<std::string> routes);

    // Records one request. `route_index` == routes.size() means unmatched. Thread-safe.
    void observe(size_t route_index, std::string_view method, int status, double seconds);
    void connection_opened() { connections_.fetch_add(1, std::memory_order_relaxed); accepted_.fetch_add(1, std::memory_order_relaxed); }
    void connection_closed() { connections_.fetch_sub(1, std::memory_order_relaxed); }
    void connection_refused() { refused_.fetch_add(1, std::memory_order_relaxed); }
    int64_t open_connections() const { return connections_.load(std::memory_order_relaxed); }

    // Adds a gauge line producer (called at scrape time).
    void add_gauges(std::function<std::string()> producer);
    // The Prometheus text exposition.
    std::string render() const;

    static constexpr std::array<double, 13> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                    0.1,    0.25,  0.5,    1.0,   2.5,   5.0};

private:
    struct PerRoute {
        std::array<std::atomic<uint64_t>, 5> by_class{};  // 1xx..5xx
        std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets{};
        std::atomic<uint64_t> count{0};
        std::atomic<uint64_t> sum_us{0};
    };
    std::vector<std::string> routes_;
    std::unique_ptr<PerRoute[]> per_route_;
    std::atomic<int64_t> connections_{0};
    std::atomic<uint64_t> accepted_{0};
    std::atomic<uint64_t> refused_{0};
    std::vector<std::function<std::string()>> gauges_;
};

}  // namespace cocreate::http
