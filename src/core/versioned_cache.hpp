#pragma once
// A bounded cache of values derived from the database, each valid for one version of what it
// was derived from. The caller reads the current version (a number the writers move in the
// same transaction as their change) and asks for the value at that version: a value built at
// another version is built again. The version makes the cache exact on every node; `max_age`
// additionally bounds how long a value lives, for the inputs no version covers (names kept in
// other modules, say). The least recently used key is dropped beyond `capacity`.
//
// Thread-safe. A value is built outside the lock (other keys stay served meanwhile) and shared
// read-only; two requests for the same stale key may both build it, and the newer version is
// kept.

#include <chrono>
#include <cstdint>
#include <functional>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace cocreate::core {

template <typename Key, typename T>
class VersionedCache {
public:
    using Clock = std::chrono::steady_clock;

    explicit VersionedCache(size_t capacity, std::optional<Clock::duration> max_age = std::nullopt)
        : capacity_(capacity), max_age_(max_age) {}

    std::shared_ptr<const T> get(const Key& key, int64_t version, const std::function<T()>& build) {
        const auto now = Clock::now();
        {
            std::lock_guard lock(mutex_);
            if (auto it = entries_.find(key); it != entries_.end() && fresh(it->second, version, now)) {
                recency_.splice(recency_.begin(), recency_, it->second.used);
                return it->second.value;
            }
        }
        auto value = std::make_shared<const T>(build());
        std::lock_guard lock(mutex_);
        auto it = entries_.find(key);
        if (it != entries_.end()) {
            if (it->second.version > version) return value;  // a newer one was built meanwhile
            it->second = Entry{version, now, value, it->second.used};
            recency_.splice(recency_.begin(), recency_, it->second.used);
            return value;
        }
        recency_.push_front(key);
        entries_.emplace(key, Entry{version, now, value, recency_.begin()});
        while (entries_.size() > capacity_) {
            entries_.erase(recency_.back());
            recency_.pop_back();
        }
        return value;
    }


private:
    struct Entry {
        int64_t version = 0;
        Clock::time_point built_at;
        std::shared_ptr<const T> value;
        typename std::list<Key>::iterator used;
    };
    bool fresh(const Entry& e, int64_t version, Clock::time_point now) const {
        return e.version == version && (!max_age_ || now - e.built_at < *max_age_);
    }

    size_t capacity_;
    std::optional<Clock::duration> max_age_;
    std::mutex mutex_;
    std::map<Key, Entry> entries_;
    std::list<Key> recency_;  // most recently used first
};

}  // namespace cocreate::core
