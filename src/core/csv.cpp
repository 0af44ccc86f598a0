#include "core/csv.hpp"

#include <fmt/format.h>

namespace cocreate::core {

Result<std::vector<CsvRecord>> parse_csv(std::string_view text, size_t max_records) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    std::vector<CsvRecord> out;
    size_t i = 0, line = 1;
    const size_t n = text.size();
    while (i < n) {
        // Blank lines between records carry nothing.
        if (text[i] == '\n' || text[i] == '\r') {
            if (text[i] == '\n') ++line;
            ++i;
            continue;
        }
        CsvRecord rec{line, {}};
        std::string field;
        bool done = false;
        while (!done) {
            field.clear();
            if (i < n && text[i] == '"') {
                ++i;
                for (;;) {
                    if (i >= n)
                        return fail(Error::unprocessable(
                            "csv", fmt::format("line {}: a quoted field is never closed", rec.line)));
                    const char c = text[i++];
                    if (c == '"') {
                        if (i < n && text[i] == '"') {
                            field += '"';
                            ++i;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') ++line;
                    field += c;
                }
                if (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                    return fail(Error::unprocessable(
                        "csv", fmt::format("line {}: text after a closing quote", line)));
            } else {
                while (i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
                    if (text[i] == '"')
                        return fail(Error::unprocessable(
                            "csv", fmt::format("line {}: a quote inside an unquoted field", line)));
                    field += text[i++];
                }
            }
            rec.fields.push_back(field);
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < n && text[i] == '\r') ++i;
            if (i < n && text[i] == '\n') {
                ++i;
                ++line;
            }
            done = true;
        }
        if (out.size() >= max_records)
            return fail(Error::unprocessable("csv", fmt::format("has more than {} records", max_records)));
        out.push_back(std::move(rec));
    }
    return out;
}

std::string csv_field(std::string_view value) {
    std::string v;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' ||
                           value[0] == '\t' || value[0] == '\r'))
        v = "'";
    v.append(value);
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string quoted = "\"";
    for (char c : v) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    return out + "\r\n";
}

}  // namespace cocreate::core
