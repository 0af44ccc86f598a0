#pragma once
// Idea attachments on disk (docs/api-ideas.md, "Attachments"): files are kept under the
// data directory by the SHA-256 of their bytes, never in the database, and their type is
// decided by their content alone. Also the rules that make a stored name safe to show and to
// offer for download. No SQL, no HTTP, no permission checks.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cocreate::ideas {

// 10 MB, the largest file an idea may carry (10,485,760 bytes).
inline constexpr std::size_t kMaxAttachmentBytes = 10 * 1024 * 1024;
// The most attachments one idea may carry.
inline constexpr int kMaxAttachmentsPerIdea = 10;
// The longest stored file name, in characters (Unicode code points).
inline constexpr std::size_t kMaxAttachmentFilenameChars = 200;

// The type `bytes` are, recognised by magic number only: "image/png", "image/jpeg",
// "image/gif" (87a and 89a), "image/webp" (RIFF....WEBP) or "application/pdf" (%PDF- at the
// very start). nullopt for anything else, including SVG, HTML and headers cut short. The
// client's Content-Type and the file's name never take part. Pure; thread-safe.
std::optional<std::string> sniff_content_type(std::string_view bytes);

// True when `text` is 64 lowercase hexadecimal digits, the only form of hash the store
// accepts as a file name.
bool is_sha256_hex(std::string_view text);

// `name` made safe to store, show and send in a header: only the part after the last `/` or
// `\`, without control characters (C0, DEL, C1), bidirectional overrides or invalid UTF-8,
// trimmed of surrounding spaces, at most kMaxAttachmentFilenameChars characters (keeping a
// short extension). Quotes stay: content_disposition keeps them out of the header. Other UTF-8 is kept. Answers
// "attachment" when nothing usable is left. Pure; thread-safe.
std::string clean_filename(std::string_view name);

// The Content-Disposition header value for serving a file of `content_type` named
// `filename` (cleaned again here): `inline` for the image types sniff_content_type knows,
// `attachment` for everything else (PDFs), then `filename="<ASCII fallback>"` (non-ASCII,
// `%`, `"` and `\` replaced by `_`) and `filename*=UTF-8''<percent-encoded name>` (RFC 6266,
// RFC 5987). Pure; thread-safe.
std::string content_disposition(std::string_view filename, std::string_view content_type);

// Files named by the SHA-256 of their content under `<data_dir>/attachments/ab/cdef…` (the
// first two hex digits name a fan-out directory, so no directory grows past a few thousand
// entries). Directories are created 0700 and files 0600. Equal content is stored once, so a
// file may back several attachment rows: remove it only when no row names its hash.
//
// Thread-safe: every call works on the file system alone, and put() publishes a file by an
// atomic rename, so readers see either nothing or the whole file. I/O failures throw
// std::system_error naming the operation (never the client's input).
class AttachmentStore {
public:
    // Creates `data_dir` when missing and `data_dir/attachments` (0700; an existing one is set
    // to 0700). Throws std::system_error when they cannot be created, or std::runtime_error
    // when libsodium cannot start.
    explicit AttachmentStore(std::filesystem::path data_dir);

    // Stores `bytes` and returns their SHA-256 as 64 lowercase hex digits. Written to a
    // temporary file in the target directory, flushed to disk, then renamed into place, so a
    // crash never leaves a partial file under a hash name. Storing content that is already
    // there changes nothing. Throws std::length_error above kMaxAttachmentBytes.
    std::string put(std::string_view bytes) const;

    // The bytes stored under `sha256`, or nullopt when there are none or `sha256` is not
    // 64 lowercase hex digits (so no name can reach outside the store).
    std::optional<std::string> open(std::string_view sha256) const;

    // Deletes the file stored under `sha256`; false when there was none or the hash is
    // malformed. Fan-out directories stay (a concurrent put() may be writing into them).
    bool remove(std::string_view sha256) const;

    // `<data_dir>/attachments`.
    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path path_of(std::string_view sha256) const;

    std::filesystem::path root_;
};

}  // namespace cocreate::ideas
