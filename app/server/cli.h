#pragma once

#include <QCoreApplication>
#include <QString>

namespace ery {

// eryxon-server's own words: the context of its messages in translations/eryxon-server_*.ts.
// Messages that come from the engine (a validation error, "job not found") are the API's and stay
// English, as the REST API answers them; the JSON of `status` and the tab-separated lists are data.
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)

public:
    // Loads the Dutch or German catalog for ERYXON_LANGUAGE (en, nl, de), or else for the first
    // of the system's languages (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) that is one of them. Returns
    // the language used.
    static QString installLanguage();
};

} // namespace ery
