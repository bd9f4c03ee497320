<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ery::client::RemoteClient</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::ActivityPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest %1 of %n entries</source>
        <translation>
            <numerusform>the newest %1 of %n entry</numerusform>
            <numerusform>the newest %1 of %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::ApiKeysTab</name>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation>
            <numerusform>%n active key</numerusform>
            <numerusform>%n active keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::DashboardPage</name>
    <message numerus="yes">
        <source>%n bullet card part(s) not finished</source>
        <translation>
            <numerusform>%n bullet card part not finished</numerusform>
            <numerusform>%n bullet card parts not finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) on hold</source>
        <translation>
            <numerusform>%n operation on hold</numerusform>
            <numerusform>%n operations on hold</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) over their estimated time</source>
        <translation>
            <numerusform>%n operation over its estimated time</numerusform>
            <numerusform>%n operations over their estimated time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) past their due date</source>
        <translation>
            <numerusform>%n job past its due date</numerusform>
            <numerusform>%n jobs past their due date</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more job(s) in progress (see Jobs)</source>
        <translation>
            <numerusform>…and %n more job in progress (see Jobs)</numerusform>
            <numerusform>…and %n more jobs in progress (see Jobs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::DataPage</name>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) have problems, listed above by line and column. Correct them in the file, or tick “Import the good rows”.</source>
        <translation>
            <numerusform>Nothing was imported: %n row has problems, listed above by line and column. Correct it in the file, or tick “Import the good rows”.</numerusform>
            <numerusform>Nothing was imported: %n rows have problems, listed above by line and column. Correct them in the file, or tick “Import the good rows”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::JobsPage</name>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It has %n open operation(s), which stay as they are:</source>
        <translation>
            <numerusform>It has %n open operation, which stays as it is:</numerusform>
            <numerusform>It has %n open operations, which stay as they are:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) match</source>
        <translation>
            <numerusform>%n job matches</numerusform>
            <numerusform>%n jobs match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::JobsTableModel</name>
    <message numerus="yes">
        <source>Bullet card: %n part(s) to rush</source>
        <translation>
            <numerusform>Bullet card: %n part to rush</numerusform>
            <numerusform>Bullet card: %n parts to rush</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::LoginPage</name>
    <message numerus="yes">
        <source>Wrong employee id or PIN. %n attempt(s) left before you are locked out.</source>
        <translation>
            <numerusform>Wrong employee id or PIN. %n attempt left before you are locked out.</numerusform>
            <numerusform>Wrong employee id or PIN. %n attempts left before you are locked out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::McpKeysTab</name>
    <message numerus="yes">
        <source>%n tool(s): %1</source>
        <translation>
            <numerusform>%n tool: %1</numerusform>
            <numerusform>%n tools: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation>
            <numerusform>%n active key</numerusform>
            <numerusform>%n active keys</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::MqttTab</name>
    <message numerus="yes">
        <source>%n publisher(s)</source>
        <translation>
            <numerusform>%n publisher</numerusform>
            <numerusform>%n publishers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationCardDelegate</name>
    <message numerus="yes">
        <source>Overdue %n d</source>
        <translation>
            <numerusform>Overdue %n d</numerusform>
            <numerusform>Overdue %n d</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationPanel</name>
    <message numerus="yes">
        <source>%n scrapped</source>
        <translation>
            <numerusform>%n scrapped</numerusform>
            <numerusform>%n scrapped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::ProductionDialog</name>
    <message numerus="yes">
        <source>%n piece(s) made</source>
        <translation>
            <numerusform>%n piece made</numerusform>
            <numerusform>%n pieces made</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrapped</source>
        <translation>
            <numerusform>%n scrapped</numerusform>
            <numerusform>%n scrapped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::QualityCharts</name>
    <message numerus="yes">
        <source>%1 — %n part(s) scrapped</source>
        <translation>
            <numerusform>%1 — %n part scrapped</numerusform>
            <numerusform>%1 — %n parts scrapped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n issue(s)</source>
        <translation>
            <numerusform>%1 — %n issue</numerusform>
            <numerusform>%1 — %n issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::QualityPage</name>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n issue</numerusform>
            <numerusform>%n issues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n issue(s)</source>
        <translation>
            <numerusform>%1 of %n issue</numerusform>
            <numerusform>%1 of %n issues</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::QueueRowDelegate</name>
    <message numerus="yes">
        <source>OVERDUE %n d</source>
        <translation>
            <numerusform>OVERDUE %n d</numerusform>
            <numerusform>OVERDUE %n d</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n piece</numerusform>
            <numerusform>%n pieces</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::SignInDialog</name>
    <message numerus="yes">
        <source>Wrong username or password. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>Wrong username or password. %n attempt left before the account is locked.</numerusform>
            <numerusform>Wrong username or password. %n attempts left before the account is locked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::TerminalStatusBar</name>
    <message numerus="yes">
        <source>● Connected — sending %n action(s)…</source>
        <translation>
            <numerusform>● Connected — sending %n action…</numerusform>
            <numerusform>● Connected — sending %n actions…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>● Hub unreachable — %n action(s) waiting, they will be sent when it is back</source>
        <translation>
            <numerusform>● Hub unreachable — %n action waiting, it will be sent when it is back</numerusform>
            <numerusform>● Hub unreachable — %n actions waiting, they will be sent when it is back</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::TerminalWindow</name>
    <message numerus="yes">
        <source>Signed out after %n minute(s) without a touch.</source>
        <translation>
            <numerusform>Signed out after %n minute without a touch.</numerusform>
            <numerusform>Signed out after %n minutes without a touch.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::WebhooksTab</name>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n webhook</numerusform>
            <numerusform>%n webhooks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deliveries: %n not delivered</source>
        <translation>
            <numerusform>Deliveries: %n not delivered</numerusform>
            <numerusform>Deliveries: %n not delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed delivery(s) are being sent again.</source>
        <translation>
            <numerusform>%n failed delivery is being sent again.</numerusform>
            <numerusform>%n failed deliverys are being sent again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkQueuePage</name>
    <message numerus="yes">
        <source>WIP: %n job(s), limit %1</source>
        <translation>
            <numerusform>WIP: %n job, limit %1</numerusform>
            <numerusform>WIP: %n jobs, limit %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>WIP: %n job(s), no limit</source>
        <translation>
            <numerusform>WIP: %n job, no limit</numerusform>
            <numerusform>WIP: %n jobs, no limit</numerusform>
        </translation>
    </message>
</context>
</TS>
