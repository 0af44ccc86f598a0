#pragma once
// Images and PDFs attached to ideas: uploaded by the idea's authors (while they may edit it)
// and its moderators, downloaded by whoever sees the idea, removed by those who may upload.
// The bytes go to AttachmentStore (the data directory), the rows to the database; the type is
// the one sniffed from the content, never the client's claim. Every change appends an event.
// Thread-safe.

#include <string>
#include <string_view>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "ideas/attachment_repository.hpp"
#include "ideas/attachment_store.hpp"
#include "ideas/idea_service.hpp"

namespace cocreate::ideas {

struct Upload {
    std::string filename;       // as sent in ?filename= (checked by the route: 1..200, no / \ or controls)
    std::string declared_type;  // the request's Content-Type without parameters, lower case; may be empty
    std::string_view bytes;
};

struct Download {
    Attachment attachment;
    std::string bytes;
};

class AttachmentService {
public:
    // Keeps references to all four; they must outlive the service.
    AttachmentService(db::Database& db, const core::Clock& clock, IdeaService& ideas, const AttachmentStore& store);

    // 400 naming `body` when empty; 413 above kMaxAttachmentBytes; 415 when the content is not
    // PNG, JPEG, GIF, WebP or PDF, or the declared type (other than application/octet-stream)
    // differs from it; 404 when the caller cannot see the idea; 403 / 409 / 422 `phase` as
    // IdeaService::may_edit; 422 `failed_precondition` naming `attachments` at the limit.
    core::Result<Attachment> upload(const auth::Principal& p, int64_t idea_id, const Upload& in);
    // The file, to whoever sees its idea; 404 otherwise (and when the bytes are missing).
    core::Result<Download> download(const auth::Principal& p, int64_t id);
    // Removes the row, and the bytes once no other row names them. 404 / 403 / 409 / 422 as upload.
    core::Status remove(const auth::Principal& p, int64_t id);

private:
    db::Database& db_;
    const core::Clock& clock_;
    IdeaService& ideas_;
    const AttachmentStore& store_;
};

}  // namespace cocreate::ideas
