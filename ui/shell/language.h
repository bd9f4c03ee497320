#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace ery::ui {

// The desktop's language: English, Dutch or German (translations/eryxon_*.ts, compiled into
// :/i18n), or "system" for the first of those the desktop's locale asks for (else English).
// apply() installs the translators (Eryxon's and Qt's own) and makes the language's locale the
// default, so dates and numbers follow it. main.cpp applies the language of --language or of
// the settings before any window exists; the settings dialog applies a new choice at once, and
// MainWindow then builds itself again in it (MainWindow::rebuild).
class Language {
    Q_DECLARE_TR_FUNCTIONS(ery::ui::Language)

public:
    // The choices, as stored and as given to --language: system, en, nl, de.
    static QStringList choices();
    static bool isChoice(const QString &choice);
    // The language a choice means here: en, nl or de ("system" resolved from the desktop's locale).
    static QString resolve(const QString &choice);
    // Installs the translators for `choice` and sets the default locale. Returns false for a
    // choice that is not one of choices() (nothing changes then).
    static bool apply(const QString &choice);
    // The language applied last (en, nl or de); en before any apply().
    static QString current();
    // The choice's name in the settings: a language by its own name (so it can be found whatever
    // language is showing), "system" in the current language.
    static QString displayName(const QString &choice);
};

} // namespace ery::ui
