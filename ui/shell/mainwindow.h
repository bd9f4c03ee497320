#pragma once

#include "client/apireply.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QTimer>

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace ery::client {
class EngineClient;
}

namespace ery::ui {

class ActivityPage;
class CellsOperatorsPage;
class DashboardPage;
class DataPage;
class HubStatusDialog;
class IntegrationsPage;
class QualityPage;
class SettingsDialog;
class WorkQueuePage;
class JobsPage;

// The admin workstation: sidebar navigation, the pages, and the engine's health in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // With `loadDemoWithoutAsking` (--demo), an empty database gets the demo shop straight away, and
    // a database holding the demo opens signed in as its published admin.
    MainWindow(client::EngineClient &client, bool loadDemoWithoutAsking, QWidget *parent = nullptr);

    DashboardPage *dashboardPage() const { return m_dashboard; }
    JobsPage *jobsPage() const { return m_jobs; }
    // Selects a panel by its name (dashboard, jobs, workqueue, quality, integrations, data,
    // activity), shown once someone is signed in; false when there is no such panel yet.
    bool openPage(const QString &name);
    // Shown while outgoing webhooks and MQTT are paused (a copied database, --integrations off).
    QWidget *integrationsBanner() const { return m_banner; }
    // Settings… (Ctrl+,): the workstation's saved settings, applied at the next start (the
    // language at once).
    SettingsDialog *openSettings();
    // Applies a language choice (system, en, nl, de; Language::apply) and, when that changes the
    // language, builds the window again in it (rebuild). Returns the window that shows now.
    MainWindow *switchLanguage(const QString &choice);
    // A new window like this one, in the language installed now: the same client and session,
    // panel, size and place. It is shown when this one was; this one hides and is deleted later.
    MainWindow *rebuild();
    // The name of the panel chosen in the sidebar (as openPage takes it).
    QString currentPageName() const;
    // What this run was started with (database, API address), shown beside the saved settings.
    void setStartedWith(const QString &description) { m_startedWith = description; }
    // Who is signed in (their username), empty when nobody is.
    QString signedInUser() const { return m_signedIn; }
    // The status bar's words for an API that is not serving, from the engine's api status
    // ({reason, port, bind, error}).
    static QString apiOffText(const Json &api);
    // The status bar's summary of the hub's traffic, from GET /api/v1/system/status.
    static QString hubSummary(const Json &status, double requestsPerMinute);

signals:
    // This window was replaced by `next` (rebuild), which has the same client and panel.
    void replaced(ery::ui::MainWindow *next);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // Asks the hub whether it has a shop: then signs in, else offers the demo or a shop of one's own.
    void findShop();
    void askToSignIn();
    void sessionStarted();
    void sessionEnded(bool expired);
    // Shows the panel chosen in the sidebar (Ctrl+1…9), once someone is signed in.
    void showCurrentPage();
    void offerDemo();
    void loadDemo();
    void createShop();
    void resumeIntegrations();
    QWidget *buildBanner();
    void showEmptyState(const QString &message, bool noShop = true);
    void refreshStatus();
    void showHubStatus();
    // Ctrl+K: a job by its number (or a part's), shown selected in the jobs list.
    void jumpToJob();
    QWidget *buildSidebar();
    QWidget *buildEmptyState();

    client::EngineClient &m_client;
    bool m_loadDemoWithoutAsking;
    QStackedWidget *m_pages = nullptr;
    QListWidget *m_nav = nullptr;
    IntegrationsPage *m_integrations = nullptr;
    QualityPage *m_quality = nullptr;
    ActivityPage *m_activity = nullptr;
    DataPage *m_data = nullptr;
    CellsOperatorsPage *m_cellsOperators = nullptr;
    WorkQueuePage *m_workQueue = nullptr;
    DashboardPage *m_dashboard = nullptr;
    JobsPage *m_jobs = nullptr;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_loadDemo = nullptr;
    QPushButton *m_createShop = nullptr;
    QPushButton *m_signIn = nullptr;
    QPushButton *m_signOut = nullptr;
    QPushButton *m_settings = nullptr;
    QString m_startedWith;
    QString m_shopName;
    QString m_demoName;
    Json m_demoSignIn;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_resume = nullptr;
    QLabel *m_user = nullptr;
    QString m_signedIn;
    QLabel *m_database = nullptr;
    QPushButton *m_hub = nullptr;
    HubStatusDialog *m_hubStatus = nullptr;
    Json m_lastStatus = Json::object();
    qint64 m_lastRequests = -1;
    double m_requestsPerMinute = -1;
    QElapsedTimer m_sinceStatus;
    QLabel *m_api = nullptr;
    QTimer m_statusTimer;
    bool m_statusPending = false;
};

} // namespace ery::ui
