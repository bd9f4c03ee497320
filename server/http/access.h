#pragma once

namespace ery::http {

// What a route needs from the caller's key. A key's `read` scope allows Read routes, `read_write`
// also Write routes, `admin` everything; AdminOrLoopback also lets a keyless caller on this machine in.
// A `terminal` key (a floor terminal's) allows Terminal routes only — signing an operator in with
// the PIN — which an admin key may use too; the operator's session then does the terminal's work.
enum class Access { Public, Read, Write, Admin, AdminOrLoopback, Terminal };

} // namespace ery::http
