#include "childprocess.h"

#include <QProcess>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace ery::test {

void endsWithTest(QProcess &process)
{
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([parent] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        // The test may have died between fork and prctl: then nobody would send the signal.
        if (::getppid() != parent)
            ::_exit(1);
    });
}

} // namespace ery::test
