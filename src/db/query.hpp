#pragma once
// Small helpers for SOCI statements shared by every repository: a select whose row
// mapping is a struct with bind()/value(), inputs bound in SQL order, and optional
// conversions (SOCI 4.0 knows boost::optional, the code uses std::optional).

#include <soci/boost-optional.h>
#include <soci/soci.h>

#include "db/statement_cache.hpp"

#include <deque>
#include <optional>
#include <typeinfo>
#include <variant>
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

// `column` among `ids`, as SQL whose text depends only on whether there is one id or more:
// bind the ids with Query::bind_ids at the place of the placeholder. An id list written into
// the text made every page a new statement to parse and plan (and to keep, see
// statement_cache.hpp).
inline std::string in_ids(soci::session& s, const std::string& column, const std::vector<int64_t>& ids) {
    if (ids.size() == 1) return column + " = :id";
    if (s.get_backend_name() == "postgresql")
        return column + " = ANY (CAST(string_to_array(:ids, ',') AS BIGINT[]))";
    return column + " IN (SELECT value FROM json_each('[' || :ids || ']'))";
}

// A select statement: RowT::bind(statement&) registers the outputs, RowT::value() turns
// the current row into a value. Inputs are copied when bound (long long, int or string).
// Statements are prepared once per connection and SQL text (see statement_cache.hpp), so
// bind the same sequence of input types for the same SQL.
template <typename RowT>
class Query {
public:
    explicit Query(soci::session& s) : s_(s) {}
    template <typename T>
    Query& bind(const T& value) {
        inputs_.emplace_back(value);
        return *this;
    }
    // The input of in_ids(s, column, ids).
    Query& bind_ids(const std::vector<int64_t>& ids) {
        if (ids.size() == 1) return bind(static_cast<long long>(ids.front()));
        std::string text;
        for (auto id : ids) {
            if (!text.empty()) text += ',';
            text += std::to_string(id);
        }
        return bind(text);
    }
    // Runs `sql` and returns every row. Database errors throw soci::soci_error.
    auto run(const std::string& sql) {
        StatementCache* cache = StatementCache::current(s_);
        if (!cache) {
            Prepared once(s_, sql, inputs_);
            return once.fetch_all();
        }
        const std::string key = std::string(typeid(RowT).name()) + '\n' + sql;
        auto* entry = static_cast<Prepared*>(cache->find(key));
        if (!entry) {
            entry = static_cast<Prepared*>(cache->put(key, std::make_unique<Prepared>(s_, sql, inputs_)));
        } else {
            for (size_t i = 0; i < inputs_.size(); ++i) entry->slots[i] = inputs_[i];
        }
        try {
            return entry->fetch_all();
        } catch (...) {
            cache->erase(key);  // a failed statement is not reused
            throw;
        }
    }

private:
    using Value = std::variant<long long, int, std::string>;

    struct Prepared final : StatementCache::Entry {
        Prepared(soci::session& s, const std::string& sql, const std::vector<Value>& inputs)
            : st(s), slots(inputs.begin(), inputs.end()) {
            st.alloc();
            row.bind(st);
            for (auto& slot : slots) std::visit([this](auto& v) { st.exchange(soci::use(v)); }, slot);
            st.prepare(sql);
            st.define_and_bind();
        }
        auto fetch_all() {
            std::vector<decltype(row.value())> out;
            if (st.execute(true)) {
                do out.push_back(row.value());
                while (st.fetch());
            }
            return out;
        }
        soci::statement st;
        RowT row;
        std::deque<Value> slots;  // stable addresses: SOCI binds by reference
    };

    soci::session& s_;
    std::vector<Value> inputs_;
};

}  // namespace cocreate::db
