#include "engine.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "shell/language.h"
#include "shell/mainwindow.h"
#include "shell/settingsdialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextDocumentFragment>
#include <QXmlStreamReader>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// The desktop on the demo shop switched to Dutch, then German, through the settings dialog (no
// restart): on every panel and each of its tabs, the visible labels, buttons, tabs, group boxes
// and table headers may show no English source string that the language translates otherwise.
class TstLanguage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void switchingChangesEveryLabel_data();
    void switchingChangesEveryLabel();
    void backToEnglish();

private:
    // Chooses `choice` in Settings… and saves; returns once the rebuilt window shows.
    void chooseInSettings(const QString &choice);
    // The texts on screen, each once, with the panel they are on.
    QStringList visibleTexts();

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    QPointer<ui::MainWindow> m_window;
};

void TstLanguage::initTestCase()
{
    QVERIFY(m_dir.isValid());
    ui::Language::apply(QStringLiteral("en"));
    m_cfg.dbUrl = m_dir.filePath(QStringLiteral("shop.db"));
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);
    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    QVERIFY(demo.result().ok());
    m_window = new ui::MainWindow(*m_client, true);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.data()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
    QVERIFY(m_window->openPage(QStringLiteral("quality")));
}

void TstLanguage::cleanupTestCase()
{
    delete m_window;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    m_client.reset();
    m_host.reset();
}

void TstLanguage::chooseInSettings(const QString &choice)
{
    QPointer<ui::MainWindow> before = m_window;
    ui::MainWindow *next = nullptr;
    connect(before, &ui::MainWindow::replaced, this, [&next](ui::MainWindow *w) { next = w; });
    ui::SettingsDialog *dialog = m_window->openSettings();
    auto *language = dialog->findChild<QComboBox *>(QStringLiteral("settingsLanguage"));
    QVERIFY(language);
    language->setCurrentIndex(language->findData(choice));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("settingsSave")), Qt::LeftButton);
    // Only the language changed: nothing to ask, no restart, the window is built again in it.
    QTRY_VERIFY_WITH_TIMEOUT(next != nullptr, 5000);
    QCOMPARE(ui::Language::current(), choice);
    QCOMPARE(QLocale().language(), choice == QLatin1String("nl") ? QLocale::Dutch : choice == QLatin1String("de") ? QLocale::German : QLocale::English);
    QCOMPARE(ui::WorkstationSettings::load(QSettings()).language, choice);
    QTRY_VERIFY(before.isNull());
    m_window = next;
    QVERIFY(QTest::qWaitForWindowExposed(m_window.data()));
    // Same session and panel: nobody is asked to sign in again.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->signedInUser(), QStringLiteral("admin"), 5000);
    QCOMPARE(m_window->currentPageName(), QStringLiteral("quality"));
}

QStringList TstLanguage::visibleTexts()
{
    QStringList out;
    const auto add = [&out](QString t) {
        if (Qt::mightBeRichText(t))
            t = QTextDocumentFragment::fromHtml(t).toPlainText();
        t.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
        for (const QString &line : t.split(u'\n', Qt::SkipEmptyParts))
            if (!line.trimmed().isEmpty() && !out.contains(line.trimmed()))
                out << line.trimmed();
    };
    for (QWidget *w : m_window->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        if (auto *l = qobject_cast<QLabel *>(w))
            add(l->text());
        else if (auto *b = qobject_cast<QAbstractButton *>(w))
            add(b->text());
        else if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title());
        if (auto *g = qobject_cast<QGroupBox *>(w))
            add(g->title());
        if (auto *bar = qobject_cast<QTabBar *>(w))
            for (int i = 0; i < bar->count(); ++i)
                add(bar->tabText(i));
        if (auto *h = qobject_cast<QHeaderView *>(w); h && h->model())
            for (int i = 0; i < h->count(); ++i)
                if (!h->isSectionHidden(i))
                    add(h->model()->headerData(i, h->orientation()).toString());
        if (auto *list = qobject_cast<QListWidget *>(w))
            for (int i = 0; i < list->count(); ++i)
                add(list->item(i)->text());
    }
    return out;
}

void TstLanguage::switchingChangesEveryLabel_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("Nederlands") << QStringLiteral("nl");
    QTest::newRow("Deutsch") << QStringLiteral("de");
}

void TstLanguage::switchingChangesEveryLabel()
{
    QFETCH(QString, language);
    // The English source strings that this language says otherwise (strings the same in both,
    // such as "Dashboard" or "%1 (%2)", are not looked for).
    QSet<QString> english, translations;
    QFile ts(QStringLiteral(ERYXON_SOURCE_DIR "/translations/eryxon_%1.ts").arg(language));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("translation") &&
                 xml.attributes().value(QLatin1String("type")).isEmpty()) {
            const QString translated = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            QString bare = source;
            bare.remove(QRegularExpression(QStringLiteral("&(?=\\S)")));
            if (translated != source && !source.contains(u'%') && bare.size() > 1)
                english.insert(bare.trimmed());
            translations.insert(translated.trimmed().remove(QRegularExpression(QStringLiteral("&(?=\\S)"))));
        }
    }
    // A word both languages have ("Order": the English cell order, the Dutch job) is no sign.
    english -= translations;
    QVERIFY(english.size() > 500);

    chooseInSettings(language);
    auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QStringList offenders;
    int seen = 0;
    const auto look = [&](const QString &page) {
        const QStringList texts = visibleTexts();
        seen += int(texts.size());
        for (const QString &t : texts)
            if (english.contains(t) && !offenders.contains(page + QStringLiteral(": ") + t))
                offenders << page + QStringLiteral(": ") + t;
    };
    for (int row = 0; row < nav->count(); ++row) {
        const QString page = nav->item(row)->data(Qt::UserRole + 1).toString();
        if (!m_window->openPage(page))
            continue;
        // The texts set once the panel's data has arrived (counts, empty states) are looked at too.
        QTest::qWait(600);
        look(page);
        for (QTabWidget *t : m_window->findChildren<QTabWidget *>()) {
            if (!t->isVisible())
                continue;
            for (int i = 0; i < t->count(); ++i) {
                t->setCurrentIndex(i);
                QTest::qWait(300);
                look(page + u'/' + QString::number(i));
            }
            t->setCurrentIndex(0);
        }
    }
    m_window->openPage(QStringLiteral("quality"));
    QVERIFY2(seen > 300, qPrintable(QString::number(seen)));
    for (const QString &o : offenders)
        qWarning("still English: %s", qPrintable(o));
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("%1 texts still in English, listed above").arg(offenders.size())));
}

void TstLanguage::backToEnglish()
{
    chooseInSettings(QStringLiteral("en"));
    auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QCOMPARE(nav->item(1)->text(), QStringLiteral("Jobs"));
}

int main(int argc, char **argv)
{
    // The settings file is this test's own.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Eryxon"));
    QCoreApplication::setApplicationName(QStringLiteral("eryxon-test-language"));
    TstLanguage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_language.moc"
