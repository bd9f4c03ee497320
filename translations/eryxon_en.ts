<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ery::ui::ActivityPage</name>
    <message numerus="yes">
        <source>%n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest %1 of %n entries</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::ApiKeysTab</name>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::DashboardPage</name>
    <message numerus="yes">
        <source>%n bullet card part(s) not finished</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) on hold</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) over their estimated time</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) past their due date</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more job(s) in progress (see Jobs)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::DataPage</name>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) have problems, listed above by line and column. Correct them in the file, or tick “Import the good rows”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
        <source>%1 of %n job(s)</source>
        <translation>
            <numerusform>%1 of %n job</numerusform>
            <numerusform>%1 of %n jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It has %n open operation(s), which stay as they are:</source>
        <translation>
            <numerusform>It has %n open operation, which stays as it is:</numerusform>
            <numerusform>It has %n open operations, which stay as they are:</numerusform>
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
    <name>ery::ui::McpKeysTab</name>
    <message numerus="yes">
        <source>%n tool(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::MqttTab</name>
    <message numerus="yes">
        <source>%n publisher(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationCardDelegate</name>
    <message numerus="yes">
        <source>Overdue %n d</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
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
    <name>ery::ui::WebhooksTab</name>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deliveries: %n not delivered</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed delivery(s) are being sent again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
