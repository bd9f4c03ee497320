#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

// The translations (translations/*.ts) against the sources: every entry finished and non-empty,
// none obsolete or vanished, none missing (lupdate run on the sources into a copy finds nothing
// new), every visible string in ui/ and app/desktop/ wrapped in tr() so lupdate can see it, and
// every message eryxon-server (app/server/) prints wrapped in Cli::tr().
// When a test here fails after a source change: `cmake --build build/release --target
// update_translations`, then translate what it added in eryxon_nl.ts and eryxon_de.ts.
class TstTranslations : public QObject {
    Q_OBJECT

private slots:
    void everyEntryIsFinished_data();
    void everyEntryIsFinished();
    void noSourceStringIsMissing_data();
    void noSourceStringIsMissing();
    void visibleStringsAreWrapped();
    void commandLineMessagesAreWrapped();

private:
    struct Entry {
        QString context, source, problem;
    };
    // The entries of a .ts file; `problem` says what is wrong with one, empty when it is fine.
    static QList<Entry> read(const QString &path);
    static QString root() { return QStringLiteral(ERYXON_SOURCE_DIR); }
};

QList<TstTranslations::Entry> TstTranslations::read(const QString &path)
{
    QList<Entry> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&file);
    QString context;
    Entry e;
    bool inMessage = false;
    QStringList forms;
    QString translation, type;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                e = Entry{context, {}, {}};
                forms.clear();
                translation.clear();
                type.clear();
            } else if (name == QLatin1String("source")) {
                e.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
            } else if (name == QLatin1String("numerusform")) {
                forms << xml.readElementText();
            }
        } else if (xml.isCharacters() && inMessage && !xml.isWhitespace()) {
            translation += xml.text();
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            if (type == QLatin1String("unfinished"))
                e.problem = QStringLiteral("unfinished");
            else if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                e.problem = type;
            else if (forms.isEmpty() ? translation.trimmed().isEmpty()
                                     : std::any_of(forms.begin(), forms.end(), [](const QString &f) { return f.trimmed().isEmpty(); }))
                e.problem = QStringLiteral("empty");
            out << e;
        }
    }
    if (xml.hasError())
        out << Entry{{}, {}, QStringLiteral("XML error: %1").arg(xml.errorString())};
    return out;
}

void TstTranslations::everyEntryIsFinished_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(root() + QStringLiteral("/translations"));
    const QStringList files = dir.entryList({QStringLiteral("*.ts")}, QDir::Files, QDir::Name);
    QVERIFY2(files.contains(QStringLiteral("eryxon_nl.ts")) && files.contains(QStringLiteral("eryxon_de.ts")), qPrintable(files.join(u' ')));
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TstTranslations::everyEntryIsFinished()
{
    QFETCH(QString, path);
    const QList<Entry> entries = read(path);
    QVERIFY2(!entries.isEmpty(), qPrintable(path));
    QStringList bad;
    for (const Entry &e : entries)
        if (!e.problem.isEmpty())
            bad << QStringLiteral("%1 [%2] %3").arg(e.problem, e.context, e.source);
    for (const QString &b : bad)
        qWarning("%s: %s", qPrintable(path), qPrintable(b));
    QVERIFY2(bad.isEmpty(), qPrintable(QStringLiteral("%1 entries to fix in %2, listed above").arg(bad.size()).arg(path)));
}

void TstTranslations::noSourceStringIsMissing_data()
{
    // The catalog and the sources lupdate reads for it (the options of ui/ and app/server/CMakeLists.txt).
    QTest::addColumn<QString>("catalog");
    QTest::addColumn<QStringList>("sources");
    const QStringList desktop{QStringLiteral("ui"), QStringLiteral("app/desktop/main.cpp"), QStringLiteral("client/remoteclient.cpp"),
                              QStringLiteral("client/actionjournal.cpp"), QStringLiteral("server/inprocessclient.cpp")};
    const QStringList server{QStringLiteral("app/server")};
    for (const char *language : {"nl", "de"}) {
        QTest::newRow(language) << QStringLiteral("eryxon_%1.ts").arg(QLatin1String(language)) << desktop;
        QTest::newRow(qPrintable(QStringLiteral("server-%1").arg(QLatin1String(language))))
            << QStringLiteral("eryxon-server_%1.ts").arg(QLatin1String(language)) << server;
    }
}

void TstTranslations::noSourceStringIsMissing()
{
    QFETCH(QString, catalog);
    QFETCH(QStringList, sources);
    // lupdate on a copy, with the options of the CMakeLists.txt: what it adds was not there.
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString original = root() + QStringLiteral("/translations/") + catalog;
    const QString copy = tmp.filePath(catalog);
    QVERIFY(QFile::copy(original, copy));
    QProcess lupdate;
    lupdate.setWorkingDirectory(root());
    lupdate.start(QStringLiteral(ERYXON_LUPDATE), QStringList{QStringLiteral("-locations"), QStringLiteral("none"),
                                                              QStringLiteral("-no-obsolete"), QStringLiteral("-silent")}
                                                      + sources + QStringList{QStringLiteral("-ts"), copy});
    QVERIFY2(lupdate.waitForFinished(60000), ERYXON_LUPDATE);
    QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    QStringList missing;
    for (const Entry &e : read(copy))
        if (!e.problem.isEmpty())
            missing << QStringLiteral("[%1] %2").arg(e.context, e.source);
    for (const QString &m : missing)
        qWarning("missing from %s: %s", qPrintable(original), qPrintable(m));
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("%1 source strings are not translated in %2, listed above (run the "
                                                          "update_translations target, then translate them)")
                                               .arg(missing.size())
                                               .arg(original)));
    // And nothing the sources no longer have: the copy has as many entries as the file.
    QCOMPARE(read(copy).size(), read(original).size());
}

void TstTranslations::visibleStringsAreWrapped()
{
    // A literal as the text of a call that puts words on the screen. The literal forms:
    // "…", QStringLiteral("…"), QLatin1String("…"), QString::fromLatin1/fromUtf8("…").
    const QString literal = QStringLiteral("(?:QStringLiteral|QLatin1String|QLatin1StringView|QString::fromLatin1|QString::fromUtf8|QString)?\\s*\\(?\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    const QString setters = QStringLiteral(
        "setText|setWindowTitle|setPlaceholderText|setToolTip|setStatusTip|setWhatsThis|setAccessibleName|setAccessibleDescription|"
        "addItem|insertItem|addTab|insertTab|setTabText|setTitle|setLabelText|setInformativeText|setDetailedText|showMessage|"
        "setHorizontalHeaderLabels|setSpecialValueText|setSuffix|setPrefix|addRow|addAction|addButton|setHeaderLabels");
    const QString widgets = QStringLiteral("QLabel|QPushButton|QToolButton|QCheckBox|QRadioButton|QGroupBox|QAction|QListWidgetItem");
    const QRegularExpression call(QStringLiteral("(?:\\b(?:%1)\\s*\\(|\\bnew\\s+(?:%2)\\s*\\(|\\b(?:%2)\\s+\\w+\\s*\\()\\s*%3")
                                      .arg(setters, widgets, literal));
    const QRegularExpression messageBox(
        QStringLiteral("QMessageBox(?:::(?:information|warning|critical|question|about))?\\s*\\(([^;]*);"));
    const QRegularExpression anyLiteral(literal);
    // Words: two letters in a row once tags, placeholders and escapes are gone.
    const QRegularExpression tags(QStringLiteral("<[^>]*>|%\\d|%n|\\\\[nt\"]"));
    const QRegularExpression words(QStringLiteral("\\p{L}{2}"));
    // Not words a reader translates: names of things, the languages by their own names.
    static const QStringList allowed{QStringLiteral("Eryxon MES"), QStringLiteral("English"), QStringLiteral("Nederlands"),
                                     QStringLiteral("Deutsch"), QStringLiteral("MQTT"), QStringLiteral("REST API"), QStringLiteral("JSON"),
                                     QStringLiteral("CSV"), QStringLiteral("URL"), QStringLiteral("HTTP"), QStringLiteral("HTTPS")};
    const QRegularExpression fieldName(QStringLiteral("^[a-z0-9]+(_[a-z0-9]+)+$")); // a JSON field: key_prefix
    const auto isText = [&](QString s) {
        if (fieldName.match(s).hasMatch())
            return false;
        s.remove(tags);
        return words.match(s).hasMatch() && !allowed.contains(s.trimmed());
    };

    QStringList offenders;
    int files = 0;
    QStringList roots{root() + QStringLiteral("/ui")};
    QStringList single{root() + QStringLiteral("/app/desktop/main.cpp")};
    QDirIterator it(roots.first(), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        single << it.next();
    for (const QString &path : single) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        ++files;
        const QString code = QString::fromUtf8(f.readAll());
        const auto lineOf = [&code](qsizetype at) { return code.left(at).count(u'\n') + 1; };
        const QString rel = path.mid(root().size() + 1);
        for (auto m = call.globalMatch(code); m.hasNext();) {
            const auto hit = m.next();
            // A line that says so keeps its literal (an example address, a format).
            const qsizetype lineEnd = code.indexOf(u'\n', hit.capturedEnd());
            if (code.mid(hit.capturedStart(), lineEnd - hit.capturedStart()).contains(QLatin1String("notr")))
                continue;
            if (isText(hit.captured(1)))
                offenders << QStringLiteral("%1:%2: \"%3\"").arg(rel).arg(lineOf(hit.capturedStart())).arg(hit.captured(1));
        }
        for (auto m = messageBox.globalMatch(code); m.hasNext();) {
            const auto hit = m.next();
            for (auto l = anyLiteral.globalMatch(hit.captured(1)); l.hasNext();) {
                const auto lit = l.next();
                // tr("…") and translate("context", "…") are what they should be.
                const QString before = hit.captured(1).left(lit.capturedStart(1) - 1).right(14);
                if (before.contains(QLatin1String("tr(")) || before.contains(QLatin1String("translate(")) || before.contains(QLatin1String("\", ")))
                    continue;
                if (isText(lit.captured(1)))
                    offenders << QStringLiteral("%1:%2: \"%3\"").arg(rel).arg(lineOf(hit.capturedStart(1) + lit.capturedStart())).arg(lit.captured(1));
            }
        }
    }
    QVERIFY2(files > 50, qPrintable(QString::number(files)));
    // One line each: Qt Test cuts a long failure message.
    for (const QString &o : offenders)
        qWarning("not in tr(): %s", qPrintable(o));
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("%1 visible strings not in tr(), listed above: wrap them, or end the line "
                                                            "with // notr when it is not for reading")
                                                 .arg(offenders.size())));
}

void TstTranslations::commandLineMessagesAreWrapped()
{
    // What eryxon-server prints: stream chains on out()/err() (and mcp-stdio's own err), and the
    // messages given to fail(), usage() and Error::…(). The server log (qCInfo …) stays English.
    const QString literal = QStringLiteral("(?:QStringLiteral|QLatin1String|QString)?\\s*\\(?\\s*\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    const QRegularExpression stream(QStringLiteral("\\b(?:out\\(\\)|err(?:\\(\\))?)\\s*<<([^;]*);"));
    const QRegularExpression message(QStringLiteral("\\b(?:fail|usage|Error::\\w+)\\(\\s*") + literal);
    const QRegularExpression anyLiteral(literal);
    const QRegularExpression words(QStringLiteral("\\p{L}{2}"));
    const QRegularExpression fieldName(QStringLiteral("^[a-z0-9]+(_[a-z0-9]+)*$"));
    const auto isText = [&](const QString &s) {
        // The program's name, the command lines it suggests and option names are not translated.
        const QString t = s.trimmed();
        return words.match(t).hasMatch() && !t.startsWith(QLatin1String("eryxon-server")) && !t.startsWith(QLatin1String("--"));
    };
    QStringList offenders;
    int files = 0;
    QDirIterator it(root() + QStringLiteral("/app/server"), {QStringLiteral("*.cpp")}, QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        ++files;
        const QString code = QString::fromUtf8(f.readAll());
        const auto lineOf = [&code](qsizetype at) { return code.left(at).count(u'\n') + 1; };
        const auto marked = [&code](qsizetype at) {
            const qsizetype end = code.indexOf(u'\n', at);
            return code.mid(at, end - at).contains(QLatin1String("notr"));
        };
        const QString rel = path.mid(root().size() + 1);
        for (auto m = stream.globalMatch(code); m.hasNext();) {
            const auto hit = m.next();
            for (auto l = anyLiteral.globalMatch(hit.captured(1)); l.hasNext();) {
                const auto lit = l.next();
                const qsizetype at = hit.capturedStart(1) + lit.capturedStart(1); // the text inside the quotes
                // Cli::tr("…") is what it should be; str(row, "field"), row["field"] and contains("field") read JSON.
                const QString before = code.mid(at - 12, 12);
                const bool jsonField = fieldName.match(lit.captured(1)).hasMatch() &&
                                       (before.endsWith(QLatin1String(", \"")) || before.endsWith(QLatin1String("[\"")) ||
                                        before.endsWith(QLatin1String("contains(\"")));
                if (before.contains(QLatin1String("tr(")) || jsonField || marked(at) || !isText(lit.captured(1)))
                    continue;
                offenders << QStringLiteral("%1:%2: \"%3\"").arg(rel).arg(lineOf(at)).arg(lit.captured(1));
            }
        }
        for (auto m = message.globalMatch(code); m.hasNext();) {
            const auto hit = m.next();
            if (!marked(hit.capturedStart()) && isText(hit.captured(1)))
                offenders << QStringLiteral("%1:%2: \"%3\"").arg(rel).arg(lineOf(hit.capturedStart())).arg(hit.captured(1));
        }
    }
    QVERIFY2(files >= 5, qPrintable(QString::number(files)));
    for (const QString &o : offenders)
        qWarning("not in Cli::tr(): %s", qPrintable(o));
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("%1 command-line messages not in Cli::tr(), listed above: wrap them, or end "
                                                            "the line with // notr when it is not for reading")
                                                 .arg(offenders.size())));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
