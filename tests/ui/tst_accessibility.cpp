#include "engine.h"
#include "inprocessclient.h"
#include "services/demoshop.h"
#include "shell/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QGraphicsView>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace ery::domain;
using namespace ery::services;
using namespace ery;

// Every panel of the main window on the demo shop, each of its tabs in turn: a control a screen
// reader would announce with no name (a search field, a table, a chart, an icon-only button, a
// combo box beside a label that is not its buddy) is listed by its object name and class.
class TstAccessibility : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyControlOnEveryPanelHasAName();

private:
    // The visible controls of the window without a name, as "objectName (Class)"; counts the
    // controls looked at in m_checked.
    QStringList unnamedControls();

    QTemporaryDir m_dir;
    Config m_cfg;
    std::unique_ptr<EngineHost> m_host;
    std::unique_ptr<InProcessClient> m_client;
    std::unique_ptr<ui::MainWindow> m_window;
    int m_checked = 0;
};

void TstAccessibility::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_cfg.dbUrl = m_dir.filePath(QStringLiteral("shop.db"));
    m_host = std::make_unique<EngineHost>(m_cfg);
    const Status started = m_host->start();
    QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    m_client = std::make_unique<InProcessClient>(*m_host);
    auto demo = m_host->call<Result<DemoShop::Outcome>>([](Engine &e) { return DemoShop::load(e.services()); });
    demo.waitForFinished();
    QVERIFY(demo.result().ok());
    m_window = std::make_unique<ui::MainWindow>(*m_client, true);
    m_window->resize(1280, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isSignedIn(), 5000);
}

void TstAccessibility::cleanupTestCase()
{
    m_window.reset();
    m_client.reset();
    m_host.reset();
}

QStringList TstAccessibility::unnamedControls()
{
    QSet<const QWidget *> labelled;
    for (const QLabel *label : m_window->findChildren<QLabel *>())
        if (label->buddy() && !label->text().isEmpty())
            labelled.insert(label->buddy());

    QStringList unnamed;
    for (const QWidget *w : m_window->findChildren<QWidget *>()) {
        if (!w->isVisible())
            continue;
        const QWidget *parent = w->parentWidget();
        const bool control = qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
                             qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w) ||
                             qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QGraphicsView *>(w);
        if (!control)
            continue;
        ++m_checked;
        if (!w->accessibleName().trimmed().isEmpty() || labelled.contains(w))
            continue;
        bool needsName = false;
        if (const auto *button = qobject_cast<const QAbstractButton *>(w)) {
            needsName = button->text().trimmed().isEmpty();
        } else if (qobject_cast<const QLineEdit *>(w)) {
            // The editor inside a spin box or an editable combo box is named by its owner.
            needsName = !qobject_cast<const QAbstractSpinBox *>(parent) && !qobject_cast<const QComboBox *>(parent);
        } else if (qobject_cast<const QComboBox *>(w) || qobject_cast<const QAbstractSpinBox *>(w)) {
            needsName = true;
        } else if (qobject_cast<const QAbstractItemView *>(w)) {
            // A table's header belongs to the table.
            needsName = !qobject_cast<const QHeaderView *>(w);
        } else if (qobject_cast<const QGraphicsView *>(w)) {
            needsName = true; // the charts
        }
        if (needsName)
            unnamed << QStringLiteral("%1 (%2)").arg(w->objectName().isEmpty() ? QStringLiteral("<no objectName>") : w->objectName(),
                                                     QString::fromLatin1(w->metaObject()->className()));
    }
    return unnamed;
}

void TstAccessibility::everyControlOnEveryPanelHasAName()
{
    auto *nav = m_window->findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QStringList offenders;
    for (int row = 0; row < nav->count(); ++row) {
        const QString page = nav->item(row)->data(Qt::UserRole + 1).toString();
        if (!m_window->openPage(page))
            continue;
        // Some controls appear only once the panel's data has arrived (a chart, a detail pane).
        QTest::qWait(600);
        QList<QTabWidget *> tabs;
        for (QTabWidget *t : m_window->findChildren<QTabWidget *>())
            if (t->isVisible())
                tabs << t;
        const auto collect = [&] {
            for (const QString &who : unnamedControls())
                if (!offenders.contains(page + QStringLiteral(": ") + who))
                    offenders << page + QStringLiteral(": ") + who;
        };
        collect();
        for (QTabWidget *t : tabs) {
            for (int i = 0; i < t->count(); ++i) {
                t->setCurrentIndex(i);
                QTest::qWait(300);
                collect();
            }
            t->setCurrentIndex(0);
        }
    }
    // Each panel has a few; far fewer would mean the panels were not shown at all.
    QVERIFY2(m_checked > 100, qPrintable(QString::number(m_checked)));
    QVERIFY2(offenders.isEmpty(), qPrintable(QStringLiteral("Controls without a name:\n  ") + offenders.join(QStringLiteral("\n  "))));
}

QTEST_MAIN(TstAccessibility)
#include "tst_accessibility.moc"
