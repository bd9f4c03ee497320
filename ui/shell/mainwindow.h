#pragma once

#include "core/result.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace ery {
class EngineClient;
}

namespace ery::ui {

class JobsPage;

// The admin workstation: sidebar navigation, the pages, and the engine's health in the status bar.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // With `loadDemoWithoutAsking`, an empty database gets the demo shop straight away (--demo).
    MainWindow(EngineClient &client, bool loadDemoWithoutAsking, QWidget *parent = nullptr);

    JobsPage *jobsPage() const { return m_jobs; }
    // Shown while outgoing webhooks and MQTT are paused (a copied database, --integrations off).
    QWidget *integrationsBanner() const { return m_banner; }
    // Who is signed in: the admin who created the shop in this session.
    QString signedInUser() const { return m_signedIn; }
    // The status bar's words for an API that is not serving, from the engine's api status
    // ({reason, port, bind, error}).
    static QString apiOffText(const Json &api);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void findTenant();
    void offerDemo();
    void loadDemo();
    void createShop();
    void resumeIntegrations();
    QWidget *buildBanner();
    void showEmptyState(const QString &message);
    void refreshStatus();
    QWidget *buildSidebar();
    QWidget *buildEmptyState();

    EngineClient &m_client;
    bool m_loadDemoWithoutAsking;
    QStackedWidget *m_pages = nullptr;
    JobsPage *m_jobs = nullptr;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_loadDemo = nullptr;
    QPushButton *m_createShop = nullptr;
    QWidget *m_banner = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_resume = nullptr;
    QLabel *m_user = nullptr;
    QString m_signedIn;
    QLabel *m_database = nullptr;
    QLabel *m_events = nullptr;
    QLabel *m_api = nullptr;
    QTimer m_statusTimer;
    bool m_statusPending = false;
};

} // namespace ery::ui
