#pragma once
// CSV as RFC 4180 describes it: comma separated, fields with commas, quotes or line breaks
// in double quotes, quotes doubled inside. Reading keeps the line number each record starts
// on, so import errors can point at the line a person sees in their editor.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace cocreate::core {

struct CsvRecord {
    size_t line = 0;  // 1-based line where the record starts
    std::vector<std::string> fields;
};

// Parses `text` (a leading UTF-8 byte order mark is skipped; LF or CRLF line ends; blank
// lines ignored). Fails with the line of the first malformed record (an unterminated
// quote, text after a closing quote) or when `max_records` is exceeded.
Result<std::vector<CsvRecord>> parse_csv(std::string_view text, size_t max_records);

// One field for a CSV file meant to be opened in spreadsheets: quoted when needed, and
// prefixed with ' when it would otherwise start a formula (=, +, -, @, tab, CR).
std::string csv_field(std::string_view value);
// A whole line (fields joined with commas, ending in CRLF).
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace cocreate::core
