#pragma once

namespace ery::http {

// What a route needs from the caller's key. A key's `read` scope allows Read routes, `read_write`
// also Write routes, `admin` everything; AdminOrLoopback also lets a keyless caller on this machine in.
enum class Access { Public, Read, Write, Admin, AdminOrLoopback };

} // namespace ery::http
