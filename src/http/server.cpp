#include "http/server.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/log.hpp"
#include "http/framing.hpp"
#include "http/response.hpp"

namespace cocreate::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);

namespace {

std::string new_request_id() {
    unsigned char raw[8];
    randombytes_buf(raw, sizeof raw);
    char hex[17];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    return hex;
}

HeaderView view_of(const bhttp::request_parser<bhttp::string_body>& parser) {
    const auto& msg = parser.get();
    HeaderView h;
    h.version = msg.version() == 10 ? 10 : 11;
    h.method = msg.method_string();
    h.target = msg.target();
    for (const auto& f : msg) h.fields.emplace_back(f.name_string(), f.value());
    return h;
}

Request to_request(bhttp::request<bhttp::string_body>&& msg, std::string client_ip) {
    Request r;
    r.method = std::string(msg.method_string());
    r.target = std::string(msg.target());
    const auto q = r.target.find('?');
    r.path = percent_decode(std::string_view(r.target).substr(0, q)).value_or(std::string{});
    if (q != std::string::npos) r.query = r.target.substr(q + 1);
    for (const auto& f : msg) {
        std::string name(f.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        auto [it, inserted] = r.headers.emplace(name, std::string(f.value()));
        if (!inserted) it->second += ", " + std::string(f.value());
    }
    r.body = std::move(msg.body());
    r.client_ip = std::move(client_ip);
    return r;
}

bhttp::response<bhttp::string_body> to_message(Response&& r, unsigned version, bool keep_alive, bool head,
                                               const std::string& request_id) {
    add_security_headers(r);
    bhttp::response<bhttp::string_body> msg{static_cast<bhttp::status>(r.status), version};
    msg.set(bhttp::field::server, "cocreate");
    if (!r.content_type.empty()) msg.set(bhttp::field::content_type, r.content_type);
    bool has_cache_control = false;
    for (auto& [name, value] : r.headers) {
        has_cache_control = has_cache_control || name == "Cache-Control";
        msg.insert(name, value);
    }
    if (!has_cache_control) msg.set(bhttp::field::cache_control, "no-store");
    msg.set("X-Request-Id", request_id);
    const auto size = r.body.size();
    msg.body() = std::move(r.body);
    msg.keep_alive(keep_alive);
    if (r.status == 204 || r.status == 304) {
        msg.body().clear();
    } else {
        msg.prepare_payload();
        if (head) {
            msg.body().clear();
            msg.content_length(size);
        }
    }
    return msg;
}

}  // namespace

struct Server::Impl {
    ServerOptions options;
    const Dispatcher& dispatcher;
    Metrics& metrics;
    asio::io_context ioc;
    asio::thread_pool blocking;
    tcp::acceptor acceptor{ioc};
    asio::signal_set signals{ioc, SIGINT, SIGTERM};
    std::atomic<bool> stopping{false};
    std::atomic<int64_t> in_flight{0};
    std::atomic<int64_t> connections{0};
    size_t unmatched_index;

    Impl(ServerOptions o, const Dispatcher& d, Metrics& m)
        : options(std::move(o)),
          dispatcher(d),
          metrics(m),
          ioc(static_cast<int>(options.network_threads)),
          blocking(options.blocking_threads),
          unmatched_index(d.router().routes().size()) {}

    awaitable<void> accept_loop();
    awaitable<void> session(tcp::socket socket);
    awaitable<void> send_error(beast::tcp_stream& stream, const core::Error& e, unsigned version);
    awaitable<void> drain();
    void log_access(const std::string& id, std::string_view method, std::string_view route, int status, int64_t us,
                    std::string_view ip);
};

void Server::Impl::log_access(const std::string& id, std::string_view method, std::string_view route, int status,
                              int64_t us, std::string_view ip) {
    if (!options.access_log) return;
    spdlog::info(R"("msg":"request","request_id":"{}","method":{},"route":{},"status":{},"us":{},"ip":{})", id,
                 core::json_quote(method), core::json_quote(route), status, us, core::json_quote(ip));
}

awaitable<void> Server::Impl::send_error(beast::tcp_stream& stream, const core::Error& e, unsigned version) {
    const auto id = new_request_id();
    auto msg = to_message(problem(e, id), version == 10 ? 10 : 11, false, false, id);
    stream.expires_after(options.write_timeout);
    co_await bhttp::async_write(stream, msg, kTuple);
}

awaitable<void> Server::Impl::session(tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    std::string client_ip;
    {
        boost::system::error_code ec;
        const auto ep = stream.socket().remote_endpoint(ec);
        if (!ec) client_ip = ep.address().to_string();
    }
    beast::flat_buffer buffer;
    bool first = true;
    for (;;) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
        parser.body_limit(1 << 20);
        // The first request gets the read deadline; later ones may idle up to idle_timeout
        // before their first byte, but the whole header must still arrive within it.
        stream.expires_after(first ? options.read_timeout : options.idle_timeout);
        first = false;
        auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
        if (ec == bhttp::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
            ec == asio::error::operation_aborted || ec == asio::error::connection_reset)
            break;
        if (ec == bhttp::error::header_limit) {
            co_await send_error(stream, {core::ErrorCode::kInvalidArgument, "request header too large", {}, "header_too_large"}, 11);
            break;
        }
        if (ec) {
            co_await send_error(stream, {core::ErrorCode::kInvalidArgument, "malformed request: " + ec.message(), {}, "bad_request"}, 11);
            break;
        }
        const auto started = std::chrono::steady_clock::now();
        const unsigned version = parser.get().version();
        if (auto why = check_framing(view_of(parser))) {
            co_await send_error(stream, {core::ErrorCode::kInvalidArgument, *why, {}, "bad_framing"}, version);
            break;
        }
        Request probe;
        probe.method = std::string(parser.get().method_string());
        {
            const std::string_view target = parser.get().target();
            probe.path = percent_decode(target.substr(0, target.find('?'))).value_or(std::string{});
        }
        const RouteMatch match = dispatcher.match(probe);
        if (match.route) parser.body_limit(match.route->options.body_limit);
        stream.expires_after(options.read_timeout);
        auto [ec2, n2] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        if (ec2 == bhttp::error::body_limit) {
            co_await send_error(stream, {core::ErrorCode::kPayloadTooLarge, "the request body is too large"}, version);
            break;
        }
        if (ec2) {
            if (ec2 != beast::error::timeout && ec2 != asio::error::eof && ec2 != bhttp::error::end_of_stream &&
                ec2 != bhttp::error::partial_message)
                co_await send_error(stream, {core::ErrorCode::kInvalidArgument, "malformed request body", {}, "bad_request"}, version);
            break;
        }
        const bool keep_alive = parser.get().keep_alive();
        Request req = to_request(parser.release(), client_ip);
        const std::string request_id = new_request_id();
        in_flight.fetch_add(1);
        Response res;
        if (!match.route || !match.route->options.blocking) {
            res = dispatcher.dispatch(req, match, request_id);
        } else {
            res = co_await asio::co_spawn(
                blocking, [&]() -> awaitable<Response> { co_return dispatcher.dispatch(req, match, request_id); },
                use_awaitable);
        }
        const bool head = req.method == "HEAD";
        const bool again = keep_alive && !stopping.load();
        const int status = res.status;
        auto msg = to_message(std::move(res), version, again, head, request_id);
        const auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count();
        metrics.observe(match.route ? match.route->index : unmatched_index, req.method, status, static_cast<double>(us) / 1e6);
        log_access(request_id, req.method, match.route ? match.route->path_template : std::string_view("unmatched"), status, us, client_ip);
        stream.expires_after(options.write_timeout);
        auto [ec3, n3] = co_await bhttp::async_write(stream, msg, kTuple);
        in_flight.fetch_sub(1);
        if (ec3 || !again) break;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
}

awaitable<void> Server::Impl::accept_loop() {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(ioc), kTuple);
        if (ec) {
            if (!acceptor.is_open()) co_return;
            continue;  // e.g. EMFILE: keep accepting what we can
        }
        if (static_cast<size_t>(connections.load()) >= options.max_connections) {
            metrics.connection_refused();
            boost::system::error_code ignored;
            socket.close(ignored);
            continue;
        }
        connections.fetch_add(1);
        metrics.connection_opened();
        auto executor = socket.get_executor();
        asio::co_spawn(executor, session(std::move(socket)), [this](std::exception_ptr) {
            connections.fetch_sub(1);
            metrics.connection_closed();
        });
    }
}

awaitable<void> Server::Impl::drain() {
    asio::steady_timer timer(ioc);
    const auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
    while (in_flight.load() > 0 && std::chrono::steady_clock::now() < deadline) {
        timer.expires_after(std::chrono::milliseconds(20));
        co_await timer.async_wait(kTuple);
    }
    ioc.stop();
}

Server::Server(ServerOptions options, const Dispatcher& dispatcher, Metrics& metrics) {
    if (options.network_threads == 0) options.network_threads = std::max(1u, std::thread::hardware_concurrency());
    if (options.blocking_threads == 0) options.blocking_threads = std::max(8u, 4 * options.network_threads);
    impl_ = std::make_unique<Impl>(std::move(options), dispatcher, metrics);
}

Server::~Server() = default;

unsigned Server::blocking_threads() const { return impl_->options.blocking_threads; }

void Server::stop() {
    asio::post(impl_->ioc, [this] {
        if (impl_->stopping.exchange(true)) return;
        boost::system::error_code ignored;
        impl_->acceptor.close(ignored);
        impl_->signals.cancel(ignored);
        asio::co_spawn(impl_->ioc, impl_->drain(), asio::detached);
    });
}

void Server::run(const std::function<void(uint16_t)>& on_listening) {
    auto& d = *impl_;
    boost::system::error_code ec;
    const auto address = asio::ip::make_address(d.options.host, ec);
    if (ec) throw std::runtime_error("server: invalid host address " + d.options.host);
    const tcp::endpoint endpoint{address, d.options.port};
    d.acceptor.open(endpoint.protocol());
    d.acceptor.set_option(asio::socket_base::reuse_address(true));
    d.acceptor.bind(endpoint, ec);
    if (ec) throw std::runtime_error("server: cannot bind " + d.options.host + ":" + std::to_string(d.options.port) + ": " + ec.message());
    d.acceptor.listen(asio::socket_base::max_listen_connections);
    const uint16_t port = d.acceptor.local_endpoint().port();
    d.signals.async_wait([this](const boost::system::error_code& e, int) {
        if (!e) stop();
    });
    asio::co_spawn(d.ioc, d.accept_loop(), asio::detached);
    on_listening(port);
    std::vector<std::jthread> threads;
    for (unsigned i = 1; i < d.options.network_threads; ++i) threads.emplace_back([&d] { d.ioc.run(); });
    d.ioc.run();
    threads.clear();  // joins
    d.blocking.join();
}

}  // namespace cocreate::http
