#pragma once

#include "router.h"
#include "services/fields.h"

#include <vector>

namespace ery::http {

// The OpenAPI 3.1 document of every canonical route, generated from the router (so it cannot
// drift from what is served): paths, parameters, request schemas from the services' field specs,
// the envelope and the error answers. The compatible /functions/v1 table is described in docs/api.md.
Json openApiDocument(const Router &router, const QString &serverUrl);

} // namespace ery::http
