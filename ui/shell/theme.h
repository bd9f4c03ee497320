#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

#include <optional>

namespace ery::ui {

// The workstation's look: Qt's Fusion style with a light or a dark palette, the same on every
// desktop, and the line icons of resources/icons drawn in the palette's text colour. The colours a
// panel uses for meaning (a refusal, a warning, a success) come from here too, so that they keep
// their contrast on both palettes.
class Theme {
public:
    enum class Mode { Light, Dark, System };

    // "light", "dark" or "system" (--theme); nothing for any other word.
    static std::optional<Mode> parse(const QString &name);
    // Sets the Fusion style and the palette on the running QApplication. System is resolved from
    // the palette the platform gave the application, so call this before anything else sets one.
    static void apply(Mode mode);
    // Whether the desktop around us prefers dark: see the .cpp for what is read.
    static bool systemPrefersDark();
    static QPalette lightPalette();
    static QPalette darkPalette();
    // Whether the application's palette is a dark one (text light on dark).
    static bool isDark();

    // Text colours that carry a meaning, readable on the current palette's Base and Window.
    static QColor errorColor();
    static QColor warningColor();
    static QColor successColor();
    // Greyed-out rows (inactive, retired): the palette's disabled text.
    static QColor mutedColor();

    // The icon `name` (resources/icons/<name>.svg) drawn in WindowText, in HighlightedText when
    // selected and in the disabled text colour when disabled; a null icon when there is none.
    static QIcon icon(const QString &name);
};

} // namespace ery::ui
