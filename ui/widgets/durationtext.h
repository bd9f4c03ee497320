#pragma once

#include <QString>

namespace ery::ui {

// A span of minutes as a person reads it, in the language and locale in use: "45 m", "2 h",
// "1 h 20 m" (Dutch "1 u 20 min", German "1 Std. 20 Min."), never "80m" or "1.33h". Hours go
// past a day ("30 h 5 m"): shop times are booked and planned in hours. Negative counts as 0.
QString durationText(qint64 minutes);

} // namespace ery::ui
