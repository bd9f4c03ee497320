#pragma once

class QProcess;

namespace ery::test {

// A server a test starts (eryxon-server serve, mosquitto) ends with the test: the kernel sends it
// SIGTERM when the test process dies, also when it crashes or ctest kills it on a timeout, so no
// orphan keeps a port, a database or a build lock. Call before QProcess::start.
void endsWithTest(QProcess &process);

} // namespace ery::test
