#pragma once
// Small helpers for SOCI statements shared by every repository: a select whose row
// mapping is a struct with bind()/value(), inputs bound in SQL order, and optional
// conversions (SOCI 4.0 knows boost::optional, the code uses std::optional).

#include <soci/boost-optional.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace cocreate::db {

template <typename T>
boost::optional<T> to_boost(const std::optional<T>& v) {
    return v ? boost::optional<T>(*v) : boost::none;
}
template <typename T>
std::optional<T> from_boost(const boost::optional<T>& v) {
    return v ? std::optional<T>(*v) : std::nullopt;
}
inline boost::optional<long long> to_boost_id(const std::optional<int64_t>& v) {
    return v ? boost::optional<long long>(*v) : boost::none;
}
inline std::optional<int64_t> from_boost_id(const boost::optional<long long>& v) {
    return v ? std::optional<int64_t>(*v) : std::nullopt;
}

// A LIKE pattern matching `text` anywhere, with % and _ taken literally. Use it with
// "LIKE :p ESCAPE '\\'" so user input never acts as a wildcard.
inline std::string contains_pattern(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out += '\\';
        out += c;
    }
    return out + "%";
}

// A select statement: RowT::bind(statement&) registers the outputs, RowT::value() turns
// the current row into a value. Inputs must outlive run() (SOCI binds by reference).
template <typename RowT>
class Query {
public:
    explicit Query(soci::session& s) : st_(s) {
        st_.alloc();
        row_.bind(st_);
    }
    template <typename T>
    Query& bind(T& value) {
        st_.exchange(soci::use(value));
        return *this;
    }
    // Runs `sql` and returns every row.
    auto run(const std::string& sql) {
        std::vector<decltype(row_.value())> out;
        st_.prepare(sql);
        st_.define_and_bind();
        if (st_.execute(true)) {
            do out.push_back(row_.value());
            while (st_.fetch());
        }
        return out;
    }

private:
    soci::statement st_;
    RowT row_;
};

}  // namespace cocreate::db
