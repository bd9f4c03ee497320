<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ery::InProcessClient</name>
    <message>
        <source>this workstation</source>
        <translation>dieser Arbeitsplatz</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The stored file cannot be read.</source>
        <translation>Die gespeicherte Datei kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The engine is closed</source>
        <translation>Die Engine ist geschlossen</translation>
    </message>
    <message>
        <source>The engine is not running</source>
        <translation>Die Engine läuft nicht</translation>
    </message>
</context>
<context>
    <name>ery::client::ActionJournal</name>
    <message>
        <source>The terminal could not write its journal %1: %2</source>
        <translation>Das Terminal konnte sein Journal %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <source>The terminal could not read its journal %1: %2</source>
        <translation>Das Terminal konnte sein Journal %1 nicht lesen: %2</translation>
    </message>
</context>
<context>
    <name>ery::client::RemoteClient</name>
    <message>
        <source>nothing answers at that address (is the hub running?)</source>
        <translation>unter dieser Adresse antwortet nichts (läuft der Hub?)</translation>
    </message>
    <message>
        <source>no computer of that name is found on the network</source>
        <translation>kein Computer mit diesem Namen im Netzwerk gefunden</translation>
    </message>
    <message>
        <source>it closed the connection before answering</source>
        <translation>er hat die Verbindung vor der Antwort geschlossen</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>Zeitüberschreitung der Verbindung</translation>
    </message>
    <message>
        <source>this workstation is not on the network</source>
        <translation>dieser Arbeitsplatz ist nicht mit dem Netzwerk verbunden</translation>
    </message>
    <message>
        <source>hub at %1</source>
        <translation>Hub unter %1</translation>
    </message>
    <message>
        <source>hub at %1:%2</source>
        <translation>Hub unter %1:%2</translation>
    </message>
    <message>
        <source>No hub address is given: write it as http://HOST:PORT or https://HOST:PORT.</source>
        <translation>Keine Hub-Adresse angegeben: Schreiben Sie sie als http://HOST:PORT oder https://HOST:PORT.</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; must start with http:// or https://, as in https://10.0.0.5:8787.</source>
        <translation>Die Hub-Adresse &quot;%1&quot; muss mit http:// oder https:// beginnen, wie https://10.0.0.5:8787.</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; names no computer: write it as http://HOST:PORT.</source>
        <translation>Die Hub-Adresse &quot;%1&quot; nennt keinen Computer: Schreiben Sie sie als http://HOST:PORT.</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; must be only http(s)://HOST:PORT, without a path or a name and password.</source>
        <translation>Die Hub-Adresse &quot;%1&quot; darf nur http(s)://HOST:PORT sein, ohne Pfad oder Name und Passwort.</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be the 64 hexadecimal digits of its SHA-256 (colons allowed), as in AB:CD:12:….</source>
        <translation>Der Fingerabdruck des Zertifikats muss aus den 64 Hexadezimalziffern seines SHA-256 bestehen (Doppelpunkte erlaubt), wie AB:CD:12:….</translation>
    </message>
    <message>
        <source>The hub presented certificate SHA-256 %1, which is not the certificate pinned for it (%2). If the hub&apos;s certificate was replaced, pin the new one in Settings.</source>
        <translation>Der Hub hat das Zertifikat SHA-256 %1 vorgelegt; das ist nicht das für ihn festgelegte Zertifikat (%2). Wurde das Zertifikat des Hubs ersetzt, legen Sie das neue in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>The hub presented certificate SHA-256 %1, which this workstation does not trust. If that is your hub&apos;s certificate, pin it in Settings.</source>
        <translation>Der Hub hat das Zertifikat SHA-256 %1 vorgelegt, dem dieser Arbeitsplatz nicht vertraut. Ist das das Zertifikat Ihres Hubs, legen Sie es in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>The hub at %1:%2 does not answer: %3</source>
        <translation>Der Hub unter %1:%2 antwortet nicht: %3</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is larger than %1 MB, more than this workstation accepts; nothing was read.</source>
        <translation>Die Antwort des Hubs ist größer als %1 MB, mehr als dieser Arbeitsplatz annimmt; nichts wurde gelesen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>keine Antwort innerhalb von %n Sekunde</numerusform>
            <numerusform>keine Antwort innerhalb von %n Sekunden</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub&apos;s answer is larger than this workstation accepts.</source>
        <translation>Die Antwort des Hubs ist größer, als dieser Arbeitsplatz annimmt.</translation>
    </message>
    <message>
        <source>The hub at %1:%2 refused a secure connection: %3</source>
        <translation>Der Hub unter %1:%2 hat eine sichere Verbindung abgelehnt: %3</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ery::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Who changed what in this shop, and when — from this desktop, the floor, the API and imports.</source>
        <translation>Wer was in diesem Betrieb geändert hat, und wann — von diesem Desktop, der Werkstatt, der API und Importen.</translation>
    </message>
    <message>
        <source>Search descriptions and names…</source>
        <translation>Beschreibungen und Namen durchsuchen…</translation>
    </message>
    <message>
        <source>Search activity</source>
        <translation>Aktivität durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Art des Datensatzes</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Alle Datensätze</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Arbeitsgänge</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>NCRs</source>
        <translation>NCRs</translation>
    </message>
    <message>
        <source>Time entries</source>
        <translation>Zeitbuchungen</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>MCP keys</source>
        <translation>MCP-Schlüssel</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>MQTT publishers</source>
        <translation>MQTT-Publisher</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Importe</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>The hub</source>
        <translation>Der Hub</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Show older entries</source>
        <translation>Ältere Einträge zeigen</translation>
    </message>
    <message>
        <source>Changes of the selected entry</source>
        <translation>Änderungen des gewählten Eintrags</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>Wählen Sie einen Eintrag, um zu sehen, was er geändert hat.</translation>
    </message>
    <message>
        <source>The activity could not be read: %1</source>
        <translation>Die Aktivität konnte nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest %1 of %n entries</source>
        <translation>
            <numerusform>die neuesten %1 von %n Eintrag</numerusform>
            <numerusform>die neuesten %1 von %n Einträgen</numerusform>
        </translation>
    </message>
    <message>
        <source>Record: %1 (%2)</source>
        <translation>Datensatz: %1 (%2)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>create</source>
        <comment>activity action</comment>
        <translation>anlegen</translation>
    </message>
    <message>
        <source>update</source>
        <comment>activity action</comment>
        <translation>ändern</translation>
    </message>
    <message>
        <source>delete</source>
        <comment>activity action</comment>
        <translation>löschen</translation>
    </message>
    <message>
        <source>start</source>
        <comment>activity action</comment>
        <translation>starten</translation>
    </message>
    <message>
        <source>pause</source>
        <comment>activity action</comment>
        <translation>anhalten</translation>
    </message>
    <message>
        <source>resume</source>
        <comment>activity action</comment>
        <translation>fortsetzen</translation>
    </message>
    <message>
        <source>complete</source>
        <comment>activity action</comment>
        <translation>abschließen</translation>
    </message>
    <message>
        <source>approve</source>
        <comment>activity action</comment>
        <translation>genehmigen</translation>
    </message>
    <message>
        <source>reject</source>
        <comment>activity action</comment>
        <translation>ablehnen</translation>
    </message>
    <message>
        <source>close</source>
        <comment>activity action</comment>
        <translation>schließen</translation>
    </message>
    <message>
        <source>verify</source>
        <comment>activity action</comment>
        <translation>verifizieren</translation>
    </message>
    <message>
        <source>revoke</source>
        <comment>activity action</comment>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>rotate secret</source>
        <comment>activity action</comment>
        <translation>Geheimnis erneuern</translation>
    </message>
    <message>
        <source>reset PIN</source>
        <comment>activity action</comment>
        <translation>PIN zurücksetzen</translation>
    </message>
    <message>
        <source>unlock</source>
        <comment>activity action</comment>
        <translation>entsperren</translation>
    </message>
    <message>
        <source>login</source>
        <comment>activity action</comment>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>import</source>
        <comment>activity action</comment>
        <translation>importieren</translation>
    </message>
    <message>
        <source>force stop</source>
        <comment>activity action</comment>
        <translation>zwangsweise stoppen</translation>
    </message>
    <message>
        <source>force stop all</source>
        <comment>activity action</comment>
        <translation>alle zwangsweise stoppen</translation>
    </message>
    <message>
        <source>job</source>
        <comment>kind of record</comment>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>part</source>
        <comment>kind of record</comment>
        <translation>Teil</translation>
    </message>
    <message>
        <source>operation</source>
        <comment>kind of record</comment>
        <translation>Arbeitsgang</translation>
    </message>
    <message>
        <source>issue</source>
        <comment>kind of record</comment>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>ncr</source>
        <comment>kind of record</comment>
        <translation>NCR</translation>
    </message>
    <message>
        <source>time entry</source>
        <comment>kind of record</comment>
        <translation>Zeitbuchung</translation>
    </message>
    <message>
        <source>cell</source>
        <comment>kind of record</comment>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>operator</source>
        <comment>kind of record</comment>
        <translation>Werker</translation>
    </message>
    <message>
        <source>resource</source>
        <comment>kind of record</comment>
        <translation>Betriebsmittel</translation>
    </message>
    <message>
        <source>scrap reason</source>
        <comment>kind of record</comment>
        <translation>Ausschussgrund</translation>
    </message>
    <message>
        <source>batch</source>
        <comment>kind of record</comment>
        <translation>Batch</translation>
    </message>
    <message>
        <source>api key</source>
        <comment>kind of record</comment>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>mcp key</source>
        <comment>kind of record</comment>
        <translation>MCP-Schlüssel</translation>
    </message>
    <message>
        <source>webhook</source>
        <comment>kind of record</comment>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>mqtt publisher</source>
        <comment>kind of record</comment>
        <translation>MQTT-Publisher</translation>
    </message>
    <message>
        <source>settings</source>
        <comment>kind of record</comment>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>import</source>
        <comment>kind of record</comment>
        <translation>Import</translation>
    </message>
    <message>
        <source>user</source>
        <comment>kind of record</comment>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>tenant</source>
        <comment>kind of record</comment>
        <translation>Betrieb</translation>
    </message>
</context>
<context>
    <name>ery::ui::ApiKeysTab</name>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>Lesen und schreiben</translation>
    </message>
    <message>
        <source>Test (sandbox)</source>
        <translation>Test (Sandbox)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>&amp;New API key…</source>
        <translation>&amp;Neuer API-Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>%1…%2</source>
        <translation>%1…%2</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Widerrufen %1</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>No API keys yet. Create one for each system that connects to this shop (an ERP, a PLC gateway, a script), so each can be revoked alone.</source>
        <translation>Noch keine API-Schlüssel. Legen Sie für jedes System, das sich mit diesem Betrieb verbindet (ein ERP, ein SPS-Gateway, ein Skript), einen eigenen an, damit jeder einzeln widerrufen werden kann.</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Neuer API-Schlüssel</translation>
    </message>
    <message>
        <source>Create a key for a program that uses the REST API (an ERP, a script)</source>
        <translation>Einen Schlüssel für ein Programm anlegen, das die REST API nutzt (ein ERP, ein Skript)</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Stop the selected key from working, at once</source>
        <translation>Den gewählten Schlüssel sofort sperren</translation>
    </message>
    <message>
        <source>Could not load the API keys: %1</source>
        <translation>Die API-Schlüssel konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation>
            <numerusform>%n aktiver Schlüssel</numerusform>
            <numerusform>%n aktive Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel anlegen</translation>
    </message>
    <message>
        <source>What uses it, e.g. ERP or Label printer</source>
        <translation>Wer ihn nutzt, z. B. ERP oder Etikettendrucker</translation>
    </message>
    <message>
        <source>Admin (also manages keys)</source>
        <translation>Administrator (verwaltet auch Schlüssel)</translation>
    </message>
    <message>
        <source>Live: the shop&apos;s own data</source>
        <translation>Live: die echten Daten des Betriebs</translation>
    </message>
    <message>
        <source>Test: the sandbox copy, for trying things out</source>
        <translation>Test: die Sandbox-Kopie zum Ausprobieren</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Rechte:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>Umg&amp;ebung:</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-Schlüssel angelegt</translation>
    </message>
    <message>
        <source>The API key “%1” was created. Give it to the program with the header Authorization: Bearer &lt;key&gt;.</source>
        <translation>Der API-Schlüssel „%1“ wurde angelegt. Geben Sie ihn dem Programm mit dem Header Authorization: Bearer &lt;key&gt;.</translation>
    </message>
    <message>
        <source>Copy the key now and keep it somewhere safe: it is shown only this once and cannot be retrieved again. If it is lost, revoke it and create a new one.</source>
        <translation>Kopieren Sie den Schlüssel jetzt und bewahren Sie ihn sicher auf: Er wird nur dieses eine Mal angezeigt und kann nicht erneut abgerufen werden. Geht er verloren, widerrufen Sie ihn und legen Sie einen neuen an.</translation>
    </message>
    <message>
        <source>Revoke the API key “%1” (%2…%3)?</source>
        <translation>Den API-Schlüssel „%1“ (%2…%3) widerrufen?</translation>
    </message>
    <message>
        <source>Every program using this key is refused from its next request. A revoked key cannot be turned back on; the program will need a new key.</source>
        <translation>Jedes Programm mit diesem Schlüssel wird ab seiner nächsten Anfrage abgewiesen. Ein widerrufener Schlüssel lässt sich nicht wieder einschalten; das Programm braucht dann einen neuen Schlüssel.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Schlüssel nicht widerrufen</translation>
    </message>
    <message>
        <source>The API key “%1” could not be revoked.</source>
        <translation>Der API-Schlüssel „%1“ konnte nicht widerrufen werden.</translation>
    </message>
    <message>
        <source>Floor terminal</source>
        <translation>Werkstattterminal</translation>
    </message>
    <message>
        <source>Floor terminal (only signs operators in with their PIN)</source>
        <translation>Werkstattterminal (meldet nur Werker mit ihrer PIN an)</translation>
    </message>
</context>
<context>
    <name>ery::ui::CameraDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Foto aufnehmen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>No camera is connected to this terminal.</source>
        <translation>An dieses Terminal ist keine Kamera angeschlossen.</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>Die Kamera kann nicht verwendet werden: %1</translation>
    </message>
    <message>
        <source>The photo could not be taken: %1</source>
        <translation>Das Foto konnte nicht aufgenommen werden: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::CellsOperatorsPage</name>
    <message>
        <source>Cells &amp; operators</source>
        <translation>Zellen &amp; Werker</translation>
    </message>
    <message>
        <source>The cells work flows through, the people who sign in at the terminals, and the machines and tools they use.</source>
        <translation>Die Zellen, durch die die Arbeit läuft, die Menschen, die sich an den Terminals anmelden, und die Maschinen und Werkzeuge, die sie nutzen.</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Betriebsmittel</translation>
    </message>
</context>
<context>
    <name>ery::ui::CellsTab</name>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>%1, enforced</source>
        <translation>%1, erzwungen</translation>
    </message>
    <message>
        <source>%1, a warning</source>
        <translation>%1, eine Warnung</translation>
    </message>
    <message>
        <source>&amp;New cell…</source>
        <translation>&amp;Neue Zelle…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>WIP limit</source>
        <translation>WIP-Limit</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Kapazität</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Gebrauch</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No, deactivated</source>
        <translation>Nein, deaktiviert</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>The cell was not changed: %1</source>
        <translation>Die Zelle wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Could not load the cells: %1</source>
        <translation>Die Zellen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No cells yet. Add the places work is done, in the order parts pass them.</source>
        <translation>Noch keine Zellen. Fügen Sie die Orte hinzu, an denen gearbeitet wird, in der Reihenfolge, in der die Teile sie durchlaufen.</translation>
    </message>
    <message>
        <source>%1 cells</source>
        <translation>%1 Zellen</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Edit cell %1</source>
        <translation>Zelle %1 bearbeiten</translation>
    </message>
    <message>
        <source>New cell</source>
        <translation>Neue Zelle</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Create cell</source>
        <translation>Zelle anlegen</translation>
    </message>
    <message>
        <source>e.g. Laser cutting</source>
        <translation>z. B. Laserschneiden</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Refuse work beyond the limit (otherwise it is a warning)</source>
        <translation>Arbeit über dem Limit ablehnen (sonst nur eine Warnung)</translation>
    </message>
    <message>
        <source> h a day</source>
        <translation> Std. am Tag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Cell name</source>
        <translation>Name der Zelle</translation>
    </message>
    <message>
        <source>Order on the routing</source>
        <translation>Reihenfolge im Arbeitsplan</translation>
    </message>
    <message>
        <source>WIP limit (jobs)</source>
        <translation>WIP-Limit (Aufträge)</translation>
    </message>
    <message>
        <source>Enforce the WIP limit</source>
        <translation>WIP-Limit erzwingen</translation>
    </message>
    <message>
        <source>Capacity in hours a day</source>
        <translation>Kapazität in Stunden am Tag</translation>
    </message>
    <message>
        <source>%1 a day</source>
        <translation>%1 am Tag</translation>
    </message>
</context>
<context>
    <name>ery::ui::CreateShopDialog</name>
    <message>
        <source>Create my shop</source>
        <translation>Meinen Betrieb anlegen</translation>
    </message>
    <message>
        <source>e.g. Van der Berg Metaal</source>
        <translation>z. B. Van der Berg Metaal</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>z. B. admin</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>mindestens 8 Zeichen</translation>
    </message>
    <message>
        <source>Laser, Press brake, Weld</source>
        <translation>Laser, Abkantpresse, Schweißen</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Name des Betriebs</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Benutzername des Administrators</translation>
    </message>
    <message>
        <source>Admin full name</source>
        <translation>Vollständiger Name des Administrators</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Passwort wiederholen</translation>
    </message>
    <message>
        <source>Enterprise (MQTT)</source>
        <translation>Unternehmen (MQTT)</translation>
    </message>
    <message>
        <source>Site (MQTT)</source>
        <translation>Standort (MQTT)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <source>Starter cells</source>
        <translation>Erste Zellen</translation>
    </message>
    <message>
        <source>Your shop gets a sandbox twin for test API keys. You sign in as its first admin.</source>
        <translation>Ihr Betrieb erhält einen Sandbox-Zwilling für Test-API-Schlüssel. Sie melden sich als erster Administrator an.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter sind verschieden.</translation>
    </message>
    <message>
        <source>The shop was created, but signing in failed: %1</source>
        <translation>Der Betrieb wurde angelegt, aber die Anmeldung ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>Das Dashboard aktualisieren</translation>
    </message>
    <message>
        <source>The dashboard follows every change by itself; this reads all figures again now.</source>
        <translation>Das Dashboard folgt jeder Änderung von selbst; dies liest alle Zahlen jetzt neu.</translation>
    </message>
    <message>
        <source>Active workers</source>
        <translation>Aktive Mitarbeiter</translation>
    </message>
    <message>
        <source>Workers with a running time entry</source>
        <translation>Mitarbeiter mit laufender Zeitbuchung</translation>
    </message>
    <message>
        <source>Pending issues</source>
        <translation>Offene Meldungen</translation>
    </message>
    <message>
        <source>Issues waiting for review</source>
        <translation>Meldungen, die auf Prüfung warten</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Operations in progress</source>
        <translation>Arbeitsgänge in Arbeit</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Fällig diese Woche</translation>
    </message>
    <message>
        <source>Open jobs due within 7 days</source>
        <translation>Offene Aufträge mit Termin in den nächsten 7 Tagen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Open jobs past their due date</source>
        <translation>Offene Aufträge über ihrem Termin</translation>
    </message>
    <message>
        <source>Completed today</source>
        <translation>Heute fertig</translation>
    </message>
    <message>
        <source>Operations completed since midnight</source>
        <translation>Seit Mitternacht abgeschlossene Arbeitsgänge</translation>
    </message>
    <message>
        <source>Operations completed per day (last %1 days)</source>
        <translation>Abgeschlossene Arbeitsgänge pro Tag (letzte %1 Tage)</translation>
    </message>
    <message>
        <source>WIP per cell against its limit</source>
        <translation>WIP pro Zelle im Vergleich zum Limit</translation>
    </message>
    <message>
        <source>Scrap by reason (last %1 days)</source>
        <translation>Ausschuss nach Grund (letzte %1 Tage)</translation>
    </message>
    <message>
        <source>Yield per day (last %1 days)</source>
        <translation>Ausbeute pro Tag (letzte %1 Tage)</translation>
    </message>
    <message>
        <source>Issues by severity (last %1 days)</source>
        <translation>Meldungen nach Schwere (letzte %1 Tage)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>Jobs in progress</source>
        <translation>Aufträge in Arbeit</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Sign in to see the shop&apos;s figures.</source>
        <translation>Melden Sie sich an, um die Zahlen des Betriebs zu sehen.</translation>
    </message>
    <message>
        <source>The dashboard could not be read: %1 Check that the hub is running, then press Refresh.</source>
        <translation>Das Dashboard konnte nicht gelesen werden: %1 Prüfen Sie, ob der Hub läuft, und drücken Sie dann Aktualisieren.</translation>
    </message>
    <message>
        <source>Live · updated %1</source>
        <translation>Live · aktualisiert %1</translation>
    </message>
    <message>
        <source>Operations completed</source>
        <translation>Abgeschlossene Arbeitsgänge</translation>
    </message>
    <message>
        <source>No operations were completed in the last %1 days.</source>
        <translation>In den letzten %1 Tagen wurden keine Arbeitsgänge abgeschlossen.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No active cells. Add cells to see their work in progress.</source>
        <translation>Keine aktiven Zellen. Legen Sie Zellen an, um ihre laufende Arbeit zu sehen.</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>At capacity</source>
        <translation>Ausgelastet</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Kein Limit</translation>
    </message>
    <message>
        <source>Free to the limit</source>
        <translation>Frei bis zum Limit</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No scrap was reported in the last %1 days.</source>
        <translation>In den letzten %1 Tagen wurde kein Ausschuss gemeldet.</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>Kumuliert %</translation>
    </message>
    <message>
        <source>No reason</source>
        <translation>Kein Grund</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Yield</source>
        <translation>Ausbeute</translation>
    </message>
    <message>
        <source>No production was reported in the last %1 days.</source>
        <translation>In den letzten %1 Tagen wurde keine Produktion gemeldet.</translation>
    </message>
    <message>
        <source>%1 good of %2 produced: %3</source>
        <translation>%1 gut von %2 produziert: %3</translation>
    </message>
    <message>
        <source>No issues were reported in the last %1 days.</source>
        <translation>In den letzten %1 Tagen wurden keine Meldungen erfasst.</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Approved or closed</source>
        <translation>Genehmigt oder geschlossen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 und %2 weitere</translation>
    </message>
    <message numerus="yes">
        <source>%n bullet card part(s) not finished</source>
        <translation>
            <numerusform>%n Eilteil nicht fertig</numerusform>
            <numerusform>%n Eilteile nicht fertig</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs: %1</source>
        <translation>Aufträge: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) on hold</source>
        <translation>
            <numerusform>%n Arbeitsgang angehalten</numerusform>
            <numerusform>%n Arbeitsgänge angehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs on hold: %1</source>
        <translation>Angehaltene Aufträge: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) over their estimated time</source>
        <translation>
            <numerusform>%n Arbeitsgang über der Vorgabezeit</numerusform>
            <numerusform>%n Arbeitsgänge über der Vorgabezeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) past their due date</source>
        <translation>
            <numerusform>%n Auftrag über dem Termin</numerusform>
            <numerusform>%n Aufträge über dem Termin</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs attention: no bullet cards, nothing on hold, nothing over its estimate or overdue.</source>
        <translation>Nichts braucht Aufmerksamkeit: keine Eilteile, nichts angehalten, nichts über der Vorgabe oder überfällig.</translation>
    </message>
    <message>
        <source>No job is in progress. Start an operation to see its job here.</source>
        <translation>Kein Auftrag ist in Arbeit. Starten Sie einen Arbeitsgang, um seinen Auftrag hier zu sehen.</translation>
    </message>
    <message>
        <source>%1 of %2 operations</source>
        <translation>%1 von %2 Arbeitsgängen</translation>
    </message>
    <message>
        <source>Progress of job %1</source>
        <translation>Fortschritt von Auftrag %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>fällig %1</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more job(s) in progress (see Jobs)</source>
        <translation>
            <numerusform>…und %n weiterer Auftrag in Arbeit (siehe Aufträge)</numerusform>
            <numerusform>…und %n weitere Aufträge in Arbeit (siehe Aufträge)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::DataPage</name>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Bring jobs, parts and routings in from spreadsheets, take the whole shop out, and see what your ERP sent.</source>
        <translation>Holen Sie Aufträge, Teile und Arbeitspläne aus Tabellen herein, nehmen Sie den ganzen Betrieb mit hinaus und sehen Sie, was Ihr ERP geschickt hat.</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importieren</translation>
    </message>
    <message>
        <source>Export and restore</source>
        <translation>Exportieren und wiederherstellen</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>Synchronisierungsverlauf</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the import, export or restore</source>
        <translation>Import, Export oder Wiederherstellung abbrechen</translation>
    </message>
    <message>
        <source>Stop it: nothing of it is written</source>
        <translation>Abbrechen: nichts davon wird geschrieben</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Was importieren</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Arbeitsgänge</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Betriebsmittel</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Keine Datei gewählt</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>Vorlage speichern…</translation>
    </message>
    <message>
        <source>A CSV file with the columns this import reads and an example row</source>
        <translation>Eine CSV-Datei mit den Spalten, die dieser Import liest, und einer Beispielzeile</translation>
    </message>
    <message>
        <source>Columns of the file and the fields they fill</source>
        <translation>Spalten der Datei und die Felder, die sie füllen</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Spalte in der Datei</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Erste Zeile</translation>
    </message>
    <message>
        <source>Fills the field</source>
        <translation>Füllt das Feld</translation>
    </message>
    <message>
        <source>Choose a CSV file, or start from the template: each of its columns is listed here with its first value and the field it fills, which you can change.</source>
        <translation>Wählen Sie eine CSV-Datei oder beginnen Sie mit der Vorlage: Jede Spalte steht hier mit ihrem ersten Wert und dem Feld, das sie füllt; das Feld können Sie ändern.</translation>
    </message>
    <message>
        <source>Where the file comes from</source>
        <translation>Woher die Datei kommt</translation>
    </message>
    <message>
        <source>Rows are matched on their external id within this source, so importing the same file again updates instead of duplicating. A column external_source in the file wins.</source>
        <translation>Zeilen werden über ihre externe ID innerhalb dieser Quelle zugeordnet; dieselbe Datei erneut zu importieren aktualisiert also, statt zu verdoppeln. Eine Spalte external_source in der Datei hat Vorrang.</translation>
    </message>
    <message>
        <source>Import the good rows and skip the bad ones</source>
        <translation>Die guten Zeilen importieren und die fehlerhaften überspringen</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>Datei prüfen</translation>
    </message>
    <message>
        <source>Reads the whole file and lists every problem; nothing is written</source>
        <translation>Liest die ganze Datei und listet jedes Problem auf; nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Probleme in der Datei</translation>
    </message>
    <message>
        <source>When a file is checked, the rows it cannot take are listed here by line and column, before anything is imported.</source>
        <translation>Wenn eine Datei geprüft ist, stehen hier die Zeilen, die nicht übernommen werden können, nach Zeile und Spalte — bevor etwas importiert wird.</translation>
    </message>
    <message>
        <source>from</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>CSV file to import</source>
        <translation>Zu importierende CSV-Datei</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-Dateien (*.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Vorlage speichern</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>The template was saved as %1.</source>
        <translation>Die Vorlage wurde als %1 gespeichert.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Die Vorlage konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformat</translation>
    </message>
    <message>
        <source>ZIP of CSV files (spreadsheets)</source>
        <translation>ZIP mit CSV-Dateien (Tabellen)</translation>
    </message>
    <message>
        <source>One JSON file</source>
        <translation>Eine JSON-Datei</translation>
    </message>
    <message>
        <source>Export the shop…</source>
        <translation>Betrieb exportieren…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Aus einer Datei wiederherstellen…</translation>
    </message>
    <message>
        <source>Everything of this shop — jobs, parts, routings, time, quality, settings — without passwords, PINs or key secrets. Keep it as a backup or take it to another hub.</source>
        <translation>Alles aus diesem Betrieb — Aufträge, Teile, Arbeitspläne, Zeiten, Qualität, Einstellungen — ohne Passwörter, PINs oder Schlüsselgeheimnisse. Bewahren Sie es als Sicherung auf oder nehmen Sie es zu einem anderen Hub mit.</translation>
    </message>
    <message>
        <source>Loads an export into this shop when it holds no jobs or other shop data yet, for example on a new workstation. The whole file is checked first; it goes in completely or not at all.</source>
        <translation>Lädt einen Export in diesen Betrieb, solange er noch keine Aufträge oder anderen Betriebsdaten hat, zum Beispiel an einem neuen Arbeitsplatz. Die ganze Datei wird zuerst geprüft; sie wird vollständig übernommen oder gar nicht.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Export the shop to</source>
        <translation>Betrieb exportieren nach</translation>
    </message>
    <message>
        <source>Export to restore</source>
        <translation>Wiederherzustellender Export</translation>
    </message>
    <message>
        <source>Exports (*.zip *.json);;All files (*)</source>
        <translation>Exporte (*.zip *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Datensätze</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Sync and import history</source>
        <translation>Synchronisierungs- und Importverlauf</translation>
    </message>
    <message>
        <source>No imports or ERP syncs yet.</source>
        <translation>Noch keine Importe oder ERP-Synchronisierungen.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>Der Verlauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 runs: %2 succeeded, %3 failed; %4 records created, %5 updated.</source>
        <translation>%1 Läufe: %2 erfolgreich, %3 fehlgeschlagen; %4 Datensätze angelegt, %5 aktualisiert.</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MB. Import it on the hub with: eryxon-server import %2 &lt;file&gt;</source>
        <translation>%1 ist größer als 32 MB. Importieren Sie sie auf dem Hub mit: eryxon-server import %2 &lt;file&gt;</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Feld für Spalte %1</translation>
    </message>
    <message>
        <source>As named in the file</source>
        <translation>Wie in der Datei benannt</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Weglassen</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 wird geprüft…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 wird importiert…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>Die Prüfung wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported.</source>
        <translation>Der Import wurde abgebrochen: Nichts wurde importiert.</translation>
    </message>
    <message>
        <source>The file was not imported: %1</source>
        <translation>Die Datei wurde nicht importiert: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) have problems, listed above by line and column. Correct them in the file, or tick “Import the good rows”.</source>
        <translation>
            <numerusform>Nichts wurde importiert: %n Zeile hat Probleme, oben nach Zeile und Spalte aufgeführt. Korrigieren Sie sie in der Datei oder haken Sie „Die guten Zeilen importieren“ an.</numerusform>
            <numerusform>Nichts wurde importiert: %n Zeilen haben Probleme, oben nach Zeile und Spalte aufgeführt. Korrigieren Sie sie in der Datei oder haken Sie „Die guten Zeilen importieren“ an.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.</source>
        <translation>%1 Zeilen: %2 neu, %3 aktualisiert, %4 unverändert, %5 mit Problemen.</translation>
    </message>
    <message>
        <source>Columns not read: %1.</source>
        <translation>Nicht gelesene Spalten: %1.</translation>
    </message>
    <message>
        <source>Checked, nothing written. </source>
        <translation>Geprüft, nichts geschrieben. </translation>
    </message>
    <message>
        <source>Imported. </source>
        <translation>Importiert. </translation>
    </message>
    <message>
        <source>Exporting the shop…</source>
        <translation>Der Betrieb wird exportiert…</translation>
    </message>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation>Der Export wurde abgebrochen: Keine Datei wurde geschrieben.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>Der Export konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The shop was exported to %1 (%2 KB).</source>
        <translation>Der Betrieb wurde nach %1 exportiert (%2 KB).</translation>
    </message>
    <message>
        <source>Restore %1 into this shop?</source>
        <translation>%1 in diesem Betrieb wiederherstellen?</translation>
    </message>
    <message>
        <source>This only works while the shop holds no jobs or other shop data; otherwise nothing changes.</source>
        <translation>Das geht nur, solange der Betrieb keine Aufträge oder anderen Betriebsdaten hat; sonst ändert sich nichts.</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MB: restore it on the hub with eryxon-server restore.</source>
        <translation>%1 ist größer als 32 MB: Stellen Sie sie auf dem Hub mit eryxon-server restore wieder her.</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>%1 wird wiederhergestellt…</translation>
    </message>
    <message>
        <source>The export was restored into this shop.</source>
        <translation>Der Export wurde in diesem Betrieb wiederhergestellt.</translation>
    </message>
    <message>
        <source>The restore was cancelled: nothing was restored.</source>
        <translation>Die Wiederherstellung wurde abgebrochen: Nichts wurde wiederhergestellt.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Nichts wurde wiederhergestellt: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen…</translation>
    </message>
</context>
<context>
    <name>ery::ui::DrawingViewer</name>
    <message>
        <source>Drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorherige Seite</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Nächste Seite</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>Die ganze Seite zeigen</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Close the drawing</source>
        <translation>Die Zeichnung schließen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>This drawing cannot be shown: the PDF file is damaged or protected. Ask the office for a new copy.</source>
        <translation>Diese Zeichnung kann nicht angezeigt werden: die PDF-Datei ist beschädigt oder geschützt. Bitten Sie das Büro um eine neue Kopie.</translation>
    </message>
    <message>
        <source>This picture cannot be shown: %1</source>
        <translation>Dieses Bild kann nicht angezeigt werden: %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>File shown</source>
        <translation>Angezeigte Datei</translation>
    </message>
</context>
<context>
    <name>ery::ui::DurationText</name>
    <message>
        <source>%1 m</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 m</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
</context>
<context>
    <name>ery::ui::EventPicker</name>
    <message>
        <source>&amp;All events, also ones added in later versions</source>
        <translation>&amp;Alle Ereignisse, auch solche aus späteren Versionen</translation>
    </message>
    <message>
        <source>Events by family</source>
        <translation>Ereignisse nach Gruppe</translation>
    </message>
    <message>
        <source>The event list could not be loaded: %1</source>
        <translation>Die Ereignisliste konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 (all)</source>
        <translation>%1 (alle)</translation>
    </message>
</context>
<context>
    <name>ery::ui::FilesPanel</name>
    <message>
        <source>Attached files</source>
        <translation>Angehängte Dateien</translation>
    </message>
    <message>
        <source>Drop files here to attach them.</source>
        <translation>Dateien hierher ziehen, um sie anzuhängen.</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Fortschritt des Hochladens</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Attach files (or drop them on the list)</source>
        <translation>Dateien anhängen (oder auf die Liste ziehen)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Speichern unter…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Drawings, CAD and photos (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.step *.stp *.dxf *.stl *.3mf *.zip);;All files (*)</source>
        <translation>Zeichnungen, CAD und Fotos (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.step *.stp *.dxf *.stl *.3mf *.zip);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>The files could not be read: %1</source>
        <translation>Die Dateien konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 · added %2</source>
        <translation>%1 · angehängt %2</translation>
    </message>
    <message>
        <source>%1 · added by %2, %3</source>
        <translation>%1 · angehängt von %2, %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No files yet. Drop drawings, CAD files or photos here, or use Add…</source>
        <translation>Noch keine Dateien. Zeichnungen, CAD-Dateien oder Fotos hierher ziehen, oder Hinzufügen… verwenden</translation>
    </message>
    <message>
        <source>Sending %1 (%2)…</source>
        <translation>%1 wird gesendet (%2)…</translation>
    </message>
    <message>
        <source>%1 is attached.</source>
        <translation>%1 ist angehängt.</translation>
    </message>
    <message>
        <source>Sending %1 was cancelled.</source>
        <translation>Das Senden von %1 wurde abgebrochen.</translation>
    </message>
    <message>
        <source>%1 is attached here already. Delete that one first to replace it.</source>
        <translation>%1 ist hier bereits angehängt. Löschen Sie diese Datei zuerst, um sie zu ersetzen.</translation>
    </message>
    <message>
        <source>%1 does not fit in the shop&apos;s storage quota. Delete files no longer needed, or ask for a larger quota.</source>
        <translation>%1 passt nicht mehr in den Speicherplatz des Betriebs. Löschen Sie nicht mehr benötigte Dateien oder fragen Sie nach mehr Speicherplatz.</translation>
    </message>
    <message>
        <source>%1 is not a file the hub stores (drawings, CAD files, photos, documents; never programs): %2</source>
        <translation>%1 ist keine Datei, die der Hub speichert (Zeichnungen, CAD-Dateien, Fotos, Dokumente; niemals Programme): %2</translation>
    </message>
    <message>
        <source>%1 could not be attached: %2</source>
        <translation>%1 konnte nicht angehängt werden: %2</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wird geholt…</translation>
    </message>
    <message>
        <source>%1 could not be fetched: %2</source>
        <translation>%1 konnte nicht geholt werden: %2</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. Use Save as… to keep it.</source>
        <translation>Kein Programm auf diesem Computer öffnet %1. Verwenden Sie Speichern unter…, um die Datei zu behalten.</translation>
    </message>
    <message>
        <source>Save %1 as</source>
        <translation>%1 speichern unter</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wird gespeichert…</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Gespeichert als %1.</translation>
    </message>
    <message>
        <source>Delete file</source>
        <translation>Datei löschen</translation>
    </message>
    <message>
        <source>Delete %1? Everyone who works on this loses it; it cannot be undone.</source>
        <translation>%1 löschen? Alle, die daran arbeiten, verlieren die Datei; das kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1 konnte nicht gelöscht werden: %2</translation>
    </message>
    <message>
        <source>%1 is deleted.</source>
        <translation>%1 ist gelöscht.</translation>
    </message>
</context>
<context>
    <name>ery::ui::FormDialog</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>The hub could not be reached: %1</source>
        <translation>Der Hub war nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Correct the form and try again, or cancel.</source>
        <translation>Korrigieren Sie das Formular und versuchen Sie es erneut, oder brechen Sie ab.</translation>
    </message>
</context>
<context>
    <name>ery::ui::HubStatusDialog</name>
    <message>
        <source>Hub status</source>
        <translation>Hub-Status</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>HTTP connections</source>
        <translation>HTTP-Verbindungen</translation>
    </message>
    <message>
        <source>Realtime sockets</source>
        <translation>Echtzeit-Sockets</translation>
    </message>
    <message>
        <source>MCP sessions</source>
        <translation>MCP-Sitzungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>MQTT</source>
        <translation>MQTT</translation>
    </message>
    <message>
        <source>Outgoing integrations</source>
        <translation>Ausgehende Integrationen</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Hubs on this database</source>
        <translation>Hubs auf dieser Datenbank</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Läuft seit</translation>
    </message>
    <message>
        <source>not serving: %1</source>
        <translation>nicht aktiv: %1</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 seit dem Start</translation>
    </message>
    <message>
        <source>%1 per minute · %2 since start</source>
        <translation>%1 pro Minute · %2 seit dem Start</translation>
    </message>
    <message>
        <source>last #%1 · %2 dispatched · %3 failed · backlog %4</source>
        <translation>zuletzt #%1 · %2 versandt · %3 fehlgeschlagen · Rückstau %4</translation>
    </message>
    <message>
        <source>%1 delivered · %2 failed attempts · %3 in flight (since start)</source>
        <translation>%1 zugestellt · %2 Fehlversuche · %3 unterwegs (seit dem Start)</translation>
    </message>
    <message>
        <source>%1 of %2 publishers connected</source>
        <translation>%1 von %2 Publishern verbunden</translation>
    </message>
    <message>
        <source>paused: %1</source>
        <translation>pausiert: %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1 · %2 · schema %3</source>
        <translation>%1 · %2 · Schema %3</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>%1 on %2, pid %3%4</source>
        <translation>%1 auf %2, PID %3%4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>ery::ui::IntegrationsPage</name>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Keys for programs and AI agents, and where the shop&apos;s events are sent.</source>
        <translation>Schlüssel für Programme und KI-Agenten, und wohin die Ereignisse des Betriebs gesendet werden.</translation>
    </message>
    <message>
        <source>&amp;API keys</source>
        <translation>&amp;API-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;MCP keys</source>
        <translation>&amp;MCP-Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Webhooks</source>
        <translation>&amp;Webhooks</translation>
    </message>
    <message>
        <source>M&amp;QTT publishers</source>
        <translation>M&amp;QTT-Publisher</translation>
    </message>
</context>
<context>
    <name>ery::ui::IssueDialog</name>
    <message>
        <source>Report an issue</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>Report an issue: %1</source>
        <translation>Problem melden: %1</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Schwere: %1</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Was nicht stimmt</translation>
    </message>
    <message>
        <source>What is wrong? For example: burr on the long edge of 3 parts.</source>
        <translation>Was stimmt nicht? Zum Beispiel: Grat an der langen Kante von 3 Teilen.</translation>
    </message>
    <message>
        <source>The machine is standing still</source>
        <translation>Die Maschine steht still</translation>
    </message>
    <message>
        <source>The operation goes on hold (Yellow Card) until the issue is dealt with.</source>
        <translation>Der Arbeitsgang wird angehalten (Gelbe Karte), bis das Problem gelöst ist.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>How bad is it?</source>
        <translation>Wie schlimm ist es?</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Foto hinzufügen…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto entfernen</translation>
    </message>
    <message>
        <source>Photo of the issue</source>
        <translation>Foto des Problems</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Fotos (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
    <message>
        <source>Other photo…</source>
        <translation>Anderes Foto…</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Kein Foto</translation>
    </message>
    <message>
        <source>Photo: %1</source>
        <translation>Foto: %1</translation>
    </message>
    <message>
        <source>Take photo…</source>
        <translation>Foto aufnehmen…</translation>
    </message>
</context>
<context>
    <name>ery::ui::IssuesTableModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>Zu prüfen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Genehmigt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Material defect</source>
        <translation>Materialfehler</translation>
    </message>
    <message>
        <source>Dimensional</source>
        <translation>Maßabweichung</translation>
    </message>
    <message>
        <source>Surface finish</source>
        <translation>Oberflächengüte</translation>
    </message>
    <message>
        <source>Process error</source>
        <translation>Prozessfehler</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>Nacharbeit</translation>
    </message>
    <message>
        <source>Use as is</source>
        <translation>Verwenden wie es ist</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>Zurück an Lieferanten</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Job · part · operation</source>
        <translation>Auftrag · Teil · Arbeitsgang</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobDetail</name>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Select a job to see its parts and routing.</source>
        <translation>Wählen Sie einen Auftrag, um seine Teile und seinen Arbeitsplan zu sehen.</translation>
    </message>
    <message>
        <source>Parts and routing of the selected job</source>
        <translation>Teile und Arbeitsplan des gewählten Auftrags</translation>
    </message>
    <message>
        <source>Part / operation</source>
        <translation>Teil / Arbeitsgang</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Booked / estimate</source>
        <translation>Gebucht / Vorgabe</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>The job could not be read.</source>
        <translation>Der Auftrag konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2 ×%3</source>
        <translation>%1 · %2 ×%3</translation>
    </message>
    <message>
        <source>Bullet Card</source>
        <translation>Eilkarte</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Files of part %1</source>
        <translation>Dateien von Teil %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobWizard</name>
    <message>
        <source>New job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>Create job</source>
        <translation>Auftrag anlegen</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>What is ordered, for whom and by when.</source>
        <translation>Was bestellt ist, für wen und bis wann.</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>The parts to make. Tick Bullet for a rush part that goes first everywhere.</source>
        <translation>Die zu fertigenden Teile. Haken Sie Eilt an für ein Eilteil, das überall zuerst drankommt.</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Arbeitsplan</translation>
    </message>
    <message>
        <source>Each part&apos;s operations in order, with the cell that does them and an estimate.</source>
        <translation>Die Arbeitsgänge jedes Teils in Reihenfolge, mit der ausführenden Zelle und einer Vorgabezeit.</translation>
    </message>
    <message>
        <source>The cells could not be read: %1</source>
        <translation>Die Zellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Job number</source>
        <translation>Auftragsnummer</translation>
    </message>
    <message>
        <source>e.g. JOB-3001</source>
        <translation>z. B. JOB-3001</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Fällig am</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Liefertermin</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Teilenummer</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Menge</translation>
    </message>
    <message>
        <source>Bullet</source>
        <translation>Eilt</translation>
    </message>
    <message>
        <source>Add part</source>
        <translation>Teil hinzufügen</translation>
    </message>
    <message>
        <source>Remove part</source>
        <translation>Teil entfernen</translation>
    </message>
    <message>
        <source>Part whose routing is shown</source>
        <translation>Teil, dessen Arbeitsplan angezeigt wird</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Arbeitsgänge</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Arbeitsgang</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Estimate (min)</source>
        <translation>Vorgabe (Min.)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Reihenfolge</translation>
    </message>
    <message>
        <source>Add operation</source>
        <translation>Arbeitsgang hinzufügen</translation>
    </message>
    <message>
        <source>Remove operation</source>
        <translation>Arbeitsgang entfernen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Use this routing for every part</source>
        <translation>Diesen Arbeitsplan für jedes Teil verwenden</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Unknown cell</source>
        <translation>Unbekannte Zelle</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Estimated minutes</source>
        <translation>Vorgabe in Minuten</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Give the job a number (the one on the order or traveller).</source>
        <translation>Geben Sie dem Auftrag eine Nummer (die auf der Bestellung oder dem Laufzettel).</translation>
    </message>
    <message>
        <source>part %1 has no part number</source>
        <translation>Teil %1 hat keine Teilenummer</translation>
    </message>
    <message>
        <source>part %1 has no material</source>
        <translation>Teil %1 hat kein Material</translation>
    </message>
    <message>
        <source>Not yet: %1.</source>
        <translation>Noch nicht: %1.</translation>
    </message>
    <message>
        <source>%1 of part %2 has no cell. Add the shop&apos;s cells under Cells first.</source>
        <translation>%1 von Teil %2 hat keine Zelle. Legen Sie zuerst die Zellen des Betriebs unter Zellen an.</translation>
    </message>
    <message>
        <source>Part %1: </source>
        <translation>Teil %1: </translation>
    </message>
    <message>
        <source>Part %1, operation %2: </source>
        <translation>Teil %1, Arbeitsgang %2: </translation>
    </message>
    <message>
        <source>The job was not created. %1%2</source>
        <translation>Der Auftrag wurde nicht angelegt. %1%2</translation>
    </message>
    <message>
        <source>The job could not be read: %1</source>
        <translation>Der Auftrag konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Edit job %1</source>
        <translation>Auftrag %1 bearbeiten</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Auftrag %1</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>Teil %1</translation>
    </message>
    <message>
        <source>Part %1, operation %2 (%3)</source>
        <translation>Teil %1, Arbeitsgang %2 (%3)</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>%1 wurde nicht entfernt: %2</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 wurde nicht hinzugefügt: %2</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 Nichts wurde gespeichert.</translation>
    </message>
    <message>
        <source>%1 The changes before it are saved; the pages now show the job as it is.</source>
        <translation>%1 Die Änderungen davor sind gespeichert; die Seiten zeigen den Auftrag jetzt so, wie er ist.</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobsPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>Ab&amp;schließen</translation>
    </message>
    <message>
        <source>&amp;New job…</source>
        <translation>&amp;Neuer Auftrag…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Search jobs…</source>
        <translation>Aufträge suchen…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Aufträge suchen</translation>
    </message>
    <message>
        <source>Filters the jobs by job number or customer</source>
        <translation>Filtert die Aufträge nach Auftragsnummer oder Kunde</translation>
    </message>
    <message>
        <source>Start job</source>
        <translation>Auftrag starten</translation>
    </message>
    <message>
        <source>Start the selected job</source>
        <translation>Den gewählten Auftrag starten</translation>
    </message>
    <message>
        <source>Pause job</source>
        <translation>Auftrag anhalten</translation>
    </message>
    <message>
        <source>Put the selected job on hold</source>
        <translation>Den gewählten Auftrag anhalten</translation>
    </message>
    <message>
        <source>Resume job</source>
        <translation>Auftrag fortsetzen</translation>
    </message>
    <message>
        <source>Resume the selected job</source>
        <translation>Den gewählten Auftrag fortsetzen</translation>
    </message>
    <message>
        <source>Complete job</source>
        <translation>Auftrag abschließen</translation>
    </message>
    <message>
        <source>Mark the selected job completed</source>
        <translation>Den gewählten Auftrag als abgeschlossen markieren</translation>
    </message>
    <message>
        <source>New job</source>
        <translation>Neuer Auftrag</translation>
    </message>
    <message>
        <source>Create a job with its parts and routing (%1)</source>
        <translation>Einen Auftrag mit Teilen und Arbeitsplan anlegen (%1)</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>Auftrag bearbeiten</translation>
    </message>
    <message>
        <source>Change the selected job, its parts and routing (%1)</source>
        <translation>Den gewählten Auftrag, seine Teile und seinen Arbeitsplan ändern (%1)</translation>
    </message>
    <message>
        <source>Could not load the jobs: %1</source>
        <translation>Die Aufträge konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n Auftrag</numerusform>
            <numerusform>%n Aufträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) match</source>
        <translation>
            <numerusform>%n Auftrag gefunden</numerusform>
            <numerusform>%n Aufträge gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Complete job %1?</source>
        <translation>Auftrag %1 abschließen?</translation>
    </message>
    <message>
        <source>Complete job %1 for %2?</source>
        <translation>Auftrag %1 für %2 abschließen?</translation>
    </message>
    <message>
        <source>A completed job cannot be started again.</source>
        <translation>Ein abgeschlossener Auftrag kann nicht erneut gestartet werden.</translation>
    </message>
    <message>
        <source>Its operations could not be read: %1</source>
        <translation>Die Arbeitsgänge konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>All its operations are completed.</source>
        <translation>Alle Arbeitsgänge sind abgeschlossen.</translation>
    </message>
    <message numerus="yes">
        <source>It has %n open operation(s), which stay as they are:</source>
        <translation>
            <numerusform>Er hat noch %n offenen Arbeitsgang, der bleibt, wie er ist:</numerusform>
            <numerusform>Er hat noch %n offene Arbeitsgänge, die bleiben, wie sie sind:</numerusform>
        </translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…und %1 weitere</translation>
    </message>
    <message>
        <source>Complete %1</source>
        <translation>%1 abschließen</translation>
    </message>
    <message>
        <source>Job %1 could not be started.</source>
        <translation>Auftrag %1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>Job %1 could not be paused.</source>
        <translation>Auftrag %1 konnte nicht angehalten werden.</translation>
    </message>
    <message>
        <source>Job %1 could not be resumed.</source>
        <translation>Auftrag %1 konnte nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>Job %1 could not be completed.</source>
        <translation>Auftrag %1 konnte nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>Job not changed</source>
        <translation>Auftrag nicht geändert</translation>
    </message>
    <message>
        <source>Its status was changed in the meantime, perhaps at another terminal. The list shows its current status.</source>
        <translation>Sein Status wurde inzwischen geändert, vielleicht an einem anderen Terminal. Die Liste zeigt den aktuellen Status.</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobsTableModel</name>
    <message>
        <source>Not started</source>
        <translation>Nicht begonnen</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Bullet card</source>
        <translation>Eilkarte</translation>
    </message>
    <message>
        <source>Not a bullet card</source>
        <translation>Keine Eilkarte</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, überfällig</translation>
    </message>
    <message>
        <source>Overdue — due %1</source>
        <translation>Überfällig — fällig %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig %1</translation>
    </message>
    <message>
        <source>%1 of %2 operations completed</source>
        <translation>%1 von %2 Arbeitsgängen abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>Bullet card: %n part(s) to rush</source>
        <translation>
            <numerusform>Eilkarte: %n eiliges Teil</numerusform>
            <numerusform>Eilkarte: %n eilige Teile</numerusform>
        </translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Auftrag</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Current cell</source>
        <translation>Aktuelle Zelle</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>Bullet</source>
        <translation>Eilt</translation>
    </message>
</context>
<context>
    <name>ery::ui::JumpDialog</name>
    <message>
        <source>Go to a job</source>
        <translation>Zu einem Auftrag springen</translation>
    </message>
    <message>
        <source>Job or part number</source>
        <translation>Auftrags- oder Teilenummer</translation>
    </message>
    <message>
        <source>Job or part number, e.g. JOB-2605</source>
        <translation>Auftrags- oder Teilenummer, z. B. JOB-2605</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>No job or part has the number “%1”.</source>
        <translation>Kein Auftrag und kein Teil hat die Nummer „%1“.</translation>
    </message>
</context>
<context>
    <name>ery::ui::Language</name>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
</context>
<context>
    <name>ery::ui::LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Scan your badge or type your employee id, then your PIN.</source>
        <translation>Scannen Sie Ihren Ausweis oder tippen Sie Ihre Personalnummer ein, dann Ihre PIN.</translation>
    </message>
    <message>
        <source>Employee id</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Clear the PIN</source>
        <translation>Die PIN löschen</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <source>OK — sign in</source>
        <translation>OK — anmelden</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network cable or Wi-Fi, or ask the office whether the hub is running.</source>
        <translation>Der Hub ist nicht erreichbar. Prüfen Sie Netzwerkkabel oder WLAN, oder fragen Sie im Büro, ob der Hub läuft.</translation>
    </message>
    <message>
        <source>Wrong PIN. You are now locked out for a while; ask your supervisor.</source>
        <translation>Falsche PIN. Sie sind jetzt eine Weile gesperrt; fragen Sie Ihren Vorgesetzten.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong employee id or PIN. %n attempt(s) left before you are locked out.</source>
        <translation>
            <numerusform>Falsche Personalnummer oder PIN. Noch %n Versuch, bevor Sie gesperrt werden.</numerusform>
            <numerusform>Falsche Personalnummer oder PIN. Noch %n Versuche, bevor Sie gesperrt werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong employee id or PIN.</source>
        <translation>Falsche Personalnummer oder PIN.</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs, until %1. Ask your supervisor to unlock you sooner.</source>
        <translation>Nach zu vielen falschen PINs gesperrt, bis %1. Bitten Sie Ihren Vorgesetzten, Sie früher zu entsperren.</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs. Ask your supervisor to unlock you.</source>
        <translation>Nach zu vielen falschen PINs gesperrt. Bitten Sie Ihren Vorgesetzten, Sie zu entsperren.</translation>
    </message>
    <message>
        <source>Too many tries from this terminal. Wait a minute and try again.</source>
        <translation>Zu viele Versuche an diesem Terminal. Warten Sie eine Minute und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Type or scan your employee id first.</source>
        <translation>Tippen oder scannen Sie zuerst Ihre Personalnummer.</translation>
    </message>
    <message>
        <source>Your PIN has 4 to 6 digits.</source>
        <translation>Ihre PIN hat 4 bis 6 Ziffern.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
</context>
<context>
    <name>ery::ui::MainWindow</name>
    <message>
        <source>Eryxon MES</source>
        <translation>Eryxon MES</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Hub status</source>
        <translation>Hub-Status</translation>
    </message>
    <message>
        <source>Show the hub&apos;s status in detail</source>
        <translation>Den Status des Hubs im Detail zeigen</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Angemeldet</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Arbeitsvorrat</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Cells &amp; operators</source>
        <translation>Zellen &amp; Werker</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integrationen</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Not available in this version</source>
        <translation>In dieser Version nicht verfügbar</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Database, data directory, the hub&apos;s API and the look (%1)</source>
        <translation>Datenbank, Datenordner, die API des Hubs und das Aussehen (%1)</translation>
    </message>
    <message>
        <source>Resume webhooks and MQTT</source>
        <translation>Webhooks und MQTT fortsetzen</translation>
    </message>
    <message>
        <source>Not resumed</source>
        <translation>Nicht fortgesetzt</translation>
    </message>
    <message>
        <source>Load the demo shop</source>
        <translation>Den Demobetrieb laden</translation>
    </message>
    <message>
        <source>Create my shop</source>
        <translation>Meinen Betrieb anlegen</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>The shop could not be read: %1</source>
        <translation>Der Betrieb konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Sign in to see the shop.</source>
        <translation>Melden Sie sich an, um den Betrieb zu sehen.</translation>
    </message>
    <message>
        <source>Demo shop: sign in as %1 with password %2.</source>
        <translation>Demobetrieb: Melden Sie sich als %1 mit dem Passwort %2 an.</translation>
    </message>
    <message>
        <source>Eryxon MES — %1</source>
        <translation>Eryxon MES — %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Angemeldet als %1</translation>
    </message>
    <message>
        <source>Your session ended; sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Welcome to Eryxon MES</source>
        <translation>Willkommen bei Eryxon MES</translation>
    </message>
    <message>
        <source>This database has no shop yet.</source>
        <translation>Diese Datenbank hat noch keinen Betrieb.</translation>
    </message>
    <message>
        <source>Create your own shop with its first admin, or load the demo shop “%1” with sample jobs, cells and operators to explore Eryxon.</source>
        <translation>Legen Sie Ihren eigenen Betrieb mit dem ersten Administrator an, oder laden Sie den Demobetrieb „%1“ mit Beispielaufträgen, Zellen und Werkern, um Eryxon zu erkunden.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <source>Loading the demo shop…</source>
        <translation>Der Demobetrieb wird geladen…</translation>
    </message>
    <message>
        <source>Demo shop not loaded</source>
        <translation>Demobetrieb nicht geladen</translation>
    </message>
    <message>
        <source>The demo shop could not be loaded.</source>
        <translation>Der Demobetrieb konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>No shop data yet</source>
        <translation>Noch keine Betriebsdaten</translation>
    </message>
    <message>
        <source>This database has no shop. Create your own shop with its first admin, or load the demo shop to explore Eryxon with sample jobs.</source>
        <translation>Diese Datenbank hat keinen Betrieb. Legen Sie Ihren eigenen Betrieb mit dem ersten Administrator an, oder laden Sie den Demobetrieb, um Eryxon mit Beispielaufträgen zu erkunden.</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>Hub unreachable: %1</source>
        <translation>Hub nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>Hub status unavailable: %1</source>
        <translation>Hub-Status nicht verfügbar: %1</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>SQLite</source>
        <translation>SQLite</translation>
    </message>
    <message>
        <source>Database schema version %1</source>
        <translation>Version des Datenbankschemas %1</translation>
    </message>
    <message>
        <source>REST API: %1</source>
        <translation>REST API: %1</translation>
    </message>
    <message>
        <source>External systems reach this shop here, with an API key.</source>
        <translation>Externe Systeme erreichen diesen Betrieb hier, mit einem API-Schlüssel.</translation>
    </message>
    <message>
        <source>Another Eryxon (eryxon-server serve or a second window) or another program holds the port. Start Eryxon with --api-port N to use another one.</source>
        <translation>Ein anderes Eryxon (eryxon-server serve oder ein zweites Fenster) oder ein anderes Programm belegt den Port. Starten Sie Eryxon mit --api-port N, um einen anderen zu nutzen.</translation>
    </message>
    <message>
        <source>Outgoing webhooks and MQTT are paused: %1. Events wait and are sent after you resume.</source>
        <translation>Ausgehende Webhooks und MQTT sind pausiert: %1. Ereignisse warten und werden gesendet, sobald Sie fortsetzen.</translation>
    </message>
    <message>
        <source>This run uses: %1.</source>
        <translation>Dieser Lauf nutzt: %1.</translation>
    </message>
    <message>
        <source>Settings saved; they take effect the next time Eryxon starts.</source>
        <translation>Einstellungen gespeichert; sie gelten ab dem nächsten Start von Eryxon.</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Eryxon could not be started again; start it yourself to use the new settings.</source>
        <translation>Eryxon konnte nicht neu gestartet werden; starten Sie es selbst, um die neuen Einstellungen zu nutzen.</translation>
    </message>
    <message>
        <source>%1 req/min</source>
        <translation>%1 Anfr./Min.</translation>
    </message>
    <message>
        <source>%1 sockets</source>
        <translation>%1 Sockets</translation>
    </message>
    <message>
        <source>%1 MCP</source>
        <translation>%1 MCP</translation>
    </message>
    <message>
        <source>backlog %1</source>
        <translation>Rückstau %1</translation>
    </message>
    <message>
        <source>%1 webhook failures</source>
        <translation>%1 Webhook-Fehler</translation>
    </message>
    <message>
        <source>MQTT %1/%2</source>
        <translation>MQTT %1/%2</translation>
    </message>
    <message>
        <source>API off: started with --no-api</source>
        <translation>API aus: mit --no-api gestartet</translation>
    </message>
    <message>
        <source>API off: port %1 is used by another program</source>
        <translation>API aus: Port %1 wird von einem anderen Programm genutzt</translation>
    </message>
    <message>
        <source>API off: no permission to use port %1</source>
        <translation>API aus: keine Berechtigung für Port %1</translation>
    </message>
    <message>
        <source>API off: %1 is not an address of this computer</source>
        <translation>API aus: %1 ist keine Adresse dieses Computers</translation>
    </message>
    <message>
        <source>API off: %1 is not an IP address</source>
        <translation>API aus: %1 ist keine IP-Adresse</translation>
    </message>
    <message>
        <source>API off: the TLS certificate or key could not be loaded</source>
        <translation>API aus: Das TLS-Zertifikat oder der Schlüssel konnte nicht geladen werden</translation>
    </message>
    <message>
        <source>API off: it could not start</source>
        <translation>API aus: Sie konnte nicht starten</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
</context>
<context>
    <name>ery::ui::McpKeysTab</name>
    <message>
        <source>All tools</source>
        <translation>Alle Tools</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s): %1</source>
        <translation>
            <numerusform>%n Tool: %1</numerusform>
            <numerusform>%n Tools: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New MCP key…</source>
        <translation>&amp;Neuer MCP-Schlüssel…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Widerrufen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Test (sandbox)</source>
        <translation>Test (Sandbox)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Allowed tools</source>
        <translation>Erlaubte Tools</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Ratenlimit</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 pro Minute</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Zuletzt benutzt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>MCP keys</source>
        <translation>MCP-Schlüssel</translation>
    </message>
    <message>
        <source>No MCP keys yet. Create one for each AI agent, with only the tools it needs.</source>
        <translation>Noch keine MCP-Schlüssel. Legen Sie für jeden KI-Agenten einen an, mit nur den Tools, die er braucht.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Usage of the selected MCP key</source>
        <translation>Nutzung des gewählten MCP-Schlüssels</translation>
    </message>
    <message>
        <source>Select a key to see its calls.</source>
        <translation>Wählen Sie einen Schlüssel, um seine Aufrufe zu sehen.</translation>
    </message>
    <message>
        <source>New MCP key</source>
        <translation>Neuer MCP-Schlüssel</translation>
    </message>
    <message>
        <source>Create a key for an AI agent (Claude Desktop, Cursor, any MCP client)</source>
        <translation>Einen Schlüssel für einen KI-Agenten anlegen (Claude Desktop, Cursor, jeder MCP-Client)</translation>
    </message>
    <message>
        <source>Revoke MCP key</source>
        <translation>MCP-Schlüssel widerrufen</translation>
    </message>
    <message>
        <source>Stop the selected key from working, at once, also in open sessions</source>
        <translation>Den gewählten Schlüssel sofort sperren, auch in offenen Sitzungen</translation>
    </message>
    <message>
        <source>Could not load the MCP keys: %1</source>
        <translation>Die MCP-Schlüssel konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation>
            <numerusform>%n aktiver Schlüssel</numerusform>
            <numerusform>%n aktive Schlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the calls of %1: %2</source>
        <translation>Die Aufrufe von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%1 has not been used yet.</source>
        <translation>%1 wurde noch nicht benutzt.</translation>
    </message>
    <message>
        <source>Latest calls with %1</source>
        <translation>Letzte Aufrufe mit %1</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Schlüssel anlegen</translation>
    </message>
    <message>
        <source>Which agent uses it, e.g. Claude Desktop</source>
        <translation>Welcher Agent ihn nutzt, z. B. Claude Desktop</translation>
    </message>
    <message>
        <source>Live: the shop&apos;s own data</source>
        <translation>Live: die echten Daten des Betriebs</translation>
    </message>
    <message>
        <source>Test: the sandbox copy, for trying things out</source>
        <translation>Test: die Sandbox-Kopie zum Ausprobieren</translation>
    </message>
    <message>
        <source> calls per minute</source>
        <translation> Aufrufe pro Minute</translation>
    </message>
    <message>
        <source>&amp;All tools</source>
        <translation>&amp;Alle Tools</translation>
    </message>
    <message>
        <source>&amp;Only the tools ticked below</source>
        <translation>Nur die unten angehakten T&amp;ools</translation>
    </message>
    <message>
        <source>Tools the key may call</source>
        <translation>Tools, die der Schlüssel aufrufen darf</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Name des Schlüssels</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>Umg&amp;ebung:</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>&amp;Ratenlimit:</translation>
    </message>
    <message>
        <source>Tools:</source>
        <translation>Tools:</translation>
    </message>
    <message>
        <source>The tool list could not be loaded: %1</source>
        <translation>Die Liste der Tools konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>MCP key created</source>
        <translation>MCP-Schlüssel angelegt</translation>
    </message>
    <message>
        <source>The MCP key “%1” was created. Put it in the agent&apos;s MCP settings as the Bearer token of this hub&apos;s /mcp address.</source>
        <translation>Der MCP-Schlüssel „%1“ wurde angelegt. Tragen Sie ihn in den MCP-Einstellungen des Agenten als Bearer-Token der /mcp-Adresse dieses Hubs ein.</translation>
    </message>
    <message>
        <source>Copy the key now and keep it somewhere safe: it is shown only this once and cannot be retrieved again. If it is lost, revoke it and create a new one.</source>
        <translation>Kopieren Sie den Schlüssel jetzt und bewahren Sie ihn sicher auf: Er wird nur dieses eine Mal angezeigt und kann nicht erneut abgerufen werden. Geht er verloren, widerrufen Sie ihn und legen Sie einen neuen an.</translation>
    </message>
    <message>
        <source>Revoke the MCP key “%1” (%2…)?</source>
        <translation>Den MCP-Schlüssel „%1“ (%2…) widerrufen?</translation>
    </message>
    <message>
        <source>The agent using this key is refused from its next call, also in a session already open. Its usage log stays.</source>
        <translation>Der Agent mit diesem Schlüssel wird ab seinem nächsten Aufruf abgewiesen, auch in einer bereits offenen Sitzung. Sein Nutzungsprotokoll bleibt erhalten.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 widerrufen</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Schlüssel nicht widerrufen</translation>
    </message>
    <message>
        <source>The MCP key “%1” could not be revoked.</source>
        <translation>Der MCP-Schlüssel „%1“ konnte nicht widerrufen werden.</translation>
    </message>
</context>
<context>
    <name>ery::ui::MqttTab</name>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Noch nicht verbunden</translation>
    </message>
    <message>
        <source>Connected %1</source>
        <translation>Verbunden %1</translation>
    </message>
    <message>
        <source>&amp;New publisher…</source>
        <translation>&amp;Neuer Publisher…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Broker</source>
        <translation>Broker</translation>
    </message>
    <message>
        <source>%1:%2%3</source>
        <translation>%1:%2%3</translation>
    </message>
    <message>
        <source> (TLS)</source>
        <translation> (TLS)</translation>
    </message>
    <message>
        <source>Topic pattern</source>
        <translation>Topic-Muster</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>MQTT publishers</source>
        <translation>MQTT-Publisher</translation>
    </message>
    <message>
        <source>No MQTT publishers yet. Add a broker to publish the shop&apos;s events on its topics.</source>
        <translation>Noch keine MQTT-Publisher. Fügen Sie einen Broker hinzu, um die Ereignisse des Betriebs auf seinen Topics zu veröffentlichen.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Publish log of the selected publisher</source>
        <translation>Veröffentlichungsprotokoll des gewählten Publishers</translation>
    </message>
    <message>
        <source>New MQTT publisher</source>
        <translation>Neuer MQTT-Publisher</translation>
    </message>
    <message>
        <source>Publish the shop&apos;s events to an MQTT broker</source>
        <translation>Die Ereignisse des Betriebs an einen MQTT-Broker veröffentlichen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Connect to the selected publisher&apos;s broker with its settings and report the answer</source>
        <translation>Mit den Einstellungen des gewählten Publishers zu seinem Broker verbinden und die Antwort melden</translation>
    </message>
    <message>
        <source>Delete MQTT publisher</source>
        <translation>MQTT-Publisher löschen</translation>
    </message>
    <message>
        <source>Could not load the MQTT publishers: %1</source>
        <translation>Die MQTT-Publisher konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n publisher(s)</source>
        <translation>
            <numerusform>%n Publisher</numerusform>
            <numerusform>%n Publisher</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a publisher to see what it published.</source>
        <translation>Wählen Sie einen Publisher, um zu sehen, was er veröffentlicht hat.</translation>
    </message>
    <message>
        <source>Could not load the publish log: %1</source>
        <translation>Das Veröffentlichungsprotokoll konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Nothing published yet: events the publisher subscribes to appear here.</source>
        <translation>Noch nichts veröffentlicht: Ereignisse, die der Publisher abonniert, erscheinen hier.</translation>
    </message>
    <message>
        <source>Publish log</source>
        <translation>Veröffentlichungsprotokoll</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test läuft…</translation>
    </message>
    <message>
        <source>Connecting to the broker of %1…</source>
        <translation>Verbindung zum Broker von %1…</translation>
    </message>
    <message>
        <source>The test of %1 could not run: %2</source>
        <translation>Der Test von %1 konnte nicht laufen: %2</translation>
    </message>
    <message>
        <source>%1 connected to its broker.</source>
        <translation>%1 ist mit seinem Broker verbunden.</translation>
    </message>
    <message>
        <source>%1 could not connect: %2. Check the broker address, port, TLS and sign-in.</source>
        <translation>%1 konnte sich nicht verbinden: %2. Prüfen Sie Brokeradresse, Port, TLS und Anmeldung.</translation>
    </message>
    <message>
        <source>Create publisher</source>
        <translation>Publisher anlegen</translation>
    </message>
    <message>
        <source>e.g. Plant UNS</source>
        <translation>z. B. Werk UNS</translation>
    </message>
    <message>
        <source>broker.example.com</source>
        <translation>broker.example.com</translation>
    </message>
    <message>
        <source>Use &amp;TLS</source>
        <translation>&amp;TLS verwenden</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>Publisher name</source>
        <translation>Name des Publishers</translation>
    </message>
    <message>
        <source>&amp;Broker:</source>
        <translation>&amp;Broker:</translation>
    </message>
    <message>
        <source>Broker address</source>
        <translation>Adresse des Brokers</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Broker port</source>
        <translation>Port des Brokers</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>TLS verwenden</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Ben&amp;utzername:</translation>
    </message>
    <message>
        <source>Broker user name</source>
        <translation>Benutzername beim Broker</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <source>Broker password</source>
        <translation>Passwort beim Broker</translation>
    </message>
    <message>
        <source>&amp;Topic pattern:</source>
        <translation>&amp;Topic-Muster:</translation>
    </message>
    <message>
        <source>Sample topic:</source>
        <translation>Beispiel-Topic:</translation>
    </message>
    <message>
        <source>Sample topic</source>
        <translation>Beispiel-Topic</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>%1  (for an %2 event)</source>
        <translation>%1  (für ein %2-Ereignis)</translation>
    </message>
    <message>
        <source>Not a usable pattern: %1</source>
        <translation>Kein brauchbares Muster: %1</translation>
    </message>
    <message>
        <source>Delete the MQTT publisher “%1”?</source>
        <translation>Den MQTT-Publisher „%1“ löschen?</translation>
    </message>
    <message>
        <source>Nothing more is published to its broker, and its publish log is deleted with it.</source>
        <translation>An seinen Broker wird nichts mehr veröffentlicht, und sein Veröffentlichungsprotokoll wird mit gelöscht.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation>%1 wurde nicht gelöscht: %2</translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationCardDelegate</name>
    <message numerus="yes">
        <source>Overdue %n d</source>
        <translation>
            <numerusform>%n Tag überfällig</numerusform>
            <numerusform>%n Tage überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Heute fällig</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>Morgen fällig</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig %1</translation>
    </message>
    <message>
        <source>BULLET</source>
        <translation>EILT</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationPanel</name>
    <message>
        <source>Touch an operation in a queue, or scan its barcode, to see it here.</source>
        <translation>Tippen Sie einen Arbeitsgang in einer der Listen an oder scannen Sie seinen Barcode, um ihn hier zu sehen.</translation>
    </message>
    <message>
        <source>Time booked of the estimate</source>
        <translation>Gebuchte Zeit von der Vorgabe</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Stück</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Next cell</source>
        <translation>Nächste Zelle</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Arbeitet daran</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Report production</source>
        <translation>Rückmelden</translation>
    </message>
    <message>
        <source>Stop &amp;&amp; complete</source>
        <translation>Stopp &amp;&amp; fertig</translation>
    </message>
    <message>
        <source>Stop and complete</source>
        <translation>Stoppen und abschließen</translation>
    </message>
    <message>
        <source>Report issue</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <source>No operation selected</source>
        <translation>Kein Arbeitsgang gewählt</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>BULLET CARD</source>
        <translation>EILKARTE</translation>
    </message>
    <message>
        <source>ON HOLD</source>
        <translation>ANGEHALTEN</translation>
    </message>
    <message>
        <source>%1 good of %2</source>
        <translation>%1 gut von %2</translation>
    </message>
    <message numerus="yes">
        <source>%n scrapped</source>
        <translation>
            <numerusform>%n Ausschuss</numerusform>
            <numerusform>%n Ausschuss</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 booked of %2 planned</source>
        <translation>%1 von %2 Vorgabe gebucht</translation>
    </message>
    <message>
        <source>%1 booked</source>
        <translation>%1 gebucht</translation>
    </message>
    <message>
        <source>None: this is the part&apos;s last step</source>
        <translation>Keine: Dies ist der letzte Schritt des Teils</translation>
    </message>
    <message>
        <source>%1 of %2 jobs</source>
        <translation>%1 von %2 Aufträgen</translation>
    </message>
    <message>
        <source>PAUSE — %1 is full (%2)</source>
        <translation>PAUSE — %1 ist voll (%2)</translation>
    </message>
    <message>
        <source>GO — %1</source>
        <translation>WEITER — %1</translation>
    </message>
    <message>
        <source>GO — %1 (%2)</source>
        <translation>WEITER — %1 (%2)</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>ein Werker</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (seit %2)</translation>
    </message>
    <message>
        <source>Nobody at the moment</source>
        <translation>Im Moment niemand</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Tick “%1” on %2</source>
        <translation>„%1“ bei %2 abhaken</translation>
    </message>
    <message>
        <source>Untick “%1” on %2</source>
        <translation>Haken an „%1“ bei %2 entfernen</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Mitarbeiten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>You are working on another operation: pause or complete it first.</source>
        <translation>Sie arbeiten an einem anderen Arbeitsgang: Halten Sie ihn zuerst an oder schließen Sie ihn ab.</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Gesendet: %1</translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation>Bei %1 mitarbeiten</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>%1 anhalten</translation>
    </message>
    <message>
        <source>Complete %1</source>
        <translation>%1 abschließen</translation>
    </message>
    <message>
        <source>Report %1 good, %2 scrap, %3 rework on %4</source>
        <translation>%1 gut, %2 Ausschuss, %3 Nacharbeit bei %4 melden</translation>
    </message>
    <message>
        <source>Report a standstill on %1</source>
        <translation>Stillstand bei %1 melden</translation>
    </message>
    <message>
        <source>Report an issue on %1</source>
        <translation>Problem bei %1 melden</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Zeichnung</translation>
    </message>
    <message>
        <source>Show the part&apos;s drawing</source>
        <translation>Die Zeichnung des Teils zeigen</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Wird geholt…</translation>
    </message>
    <message>
        <source>The drawing could not be fetched: %1</source>
        <translation>Die Zeichnung konnte nicht geholt werden: %1</translation>
    </message>
    <message>
        <source>The photo %1 could not be attached to the issue: %2</source>
        <translation>Das Foto %1 konnte nicht an das Problem angehängt werden: %2</translation>
    </message>
    <message>
        <source>The photo %1 cannot be read.</source>
        <translation>Das Foto %1 kann nicht gelesen werden.</translation>
    </message>
</context>
<context>
    <name>ery::ui::OperatorsTab</name>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked until %1 (wrong PINs)</source>
        <translation>Gesperrt bis %1 (falsche PINs)</translation>
    </message>
    <message>
        <source>Can sign in</source>
        <translation>Kann sich anmelden</translation>
    </message>
    <message>
        <source>4 to 6 digits</source>
        <translation>4 bis 6 Ziffern</translation>
    </message>
    <message>
        <source>&amp;New operator…</source>
        <translation>&amp;Neuer Werker…</translation>
    </message>
    <message>
        <source>Reset &amp;PIN…</source>
        <translation>&amp;PIN zurücksetzen…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Deaktivieren…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Personalnummer</translation>
    </message>
    <message>
        <source>Terminal sign-in</source>
        <translation>Anmeldung am Terminal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>The operator was not unlocked:</source>
        <translation>Der Werker wurde nicht entsperrt:</translation>
    </message>
    <message>
        <source>The operator was not changed: %1</source>
        <translation>Der Werker wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Deactivate operator</source>
        <translation>Werker deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in at a terminal; their time and work stay on record.</source>
        <translation>%1 deaktivieren? Die Person kann sich nicht mehr an einem Terminal anmelden; Zeiten und Arbeit bleiben erhalten.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Could not load the operators: %1</source>
        <translation>Die Werker konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>%1 operators, %2 locked out</source>
        <translation>%1 Werker, %2 gesperrt</translation>
    </message>
    <message>
        <source>%1 operators</source>
        <translation>%1 Werker</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>Neuer Werker</translation>
    </message>
    <message>
        <source>Create operator</source>
        <translation>Werker anlegen</translation>
    </message>
    <message>
        <source>What they type at the terminal; made up when empty</source>
        <translation>Was am Terminal eingetippt wird; wird erzeugt, wenn leer</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>Neue PIN für %1</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>PIN setzen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Neue PIN</translation>
    </message>
    <message>
        <source>This also unlocks the operator. Tell them the PIN in person.</source>
        <translation>Dies entsperrt den Werker auch. Sagen Sie ihm die PIN persönlich.</translation>
    </message>
</context>
<context>
    <name>ery::ui::ProductionDialog</name>
    <message>
        <source>One less: %1</source>
        <translation>Eins weniger: %1</translation>
    </message>
    <message>
        <source>One more: %1</source>
        <translation>Eins mehr: %1</translation>
    </message>
    <message>
        <source>Report production</source>
        <translation>Produktion melden</translation>
    </message>
    <message>
        <source>Report production: %1</source>
        <translation>Produktion melden: %1</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Good pieces</source>
        <translation>Gutteile</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>Nacharbeit</translation>
    </message>
    <message>
        <source>Pieces to rework</source>
        <translation>Stück für Nacharbeit</translation>
    </message>
    <message>
        <source>Scrap, by reason</source>
        <translation>Ausschuss, nach Grund</translation>
    </message>
    <message>
        <source>Reading the scrap reasons…</source>
        <translation>Die Ausschussgründe werden gelesen…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>The scrap reasons could not be read: %1</source>
        <translation>Die Ausschussgründe konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Scrap: %1</source>
        <translation>Ausschuss: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) made</source>
        <translation>
            <numerusform>%n Stück gefertigt</numerusform>
            <numerusform>%n Stück gefertigt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrapped</source>
        <translation>
            <numerusform>%n Ausschuss</numerusform>
            <numerusform>%n Ausschuss</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::QualityCharts</name>
    <message>
        <source>Scrap by reason</source>
        <translation>Ausschuss nach Grund</translation>
    </message>
    <message>
        <source>Issues over time</source>
        <translation>Meldungen im Zeitverlauf</translation>
    </message>
    <message>
        <source>First-pass yield per cell</source>
        <translation>Erstausbeute pro Zelle</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Letzte 90 Tage</translation>
    </message>
    <message>
        <source>Quality score</source>
        <translation>Qualitätskennzahl</translation>
    </message>
    <message>
        <source>The quality score could not be read: %1</source>
        <translation>Die Qualitätskennzahl konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>braucht Aufmerksamkeit</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>Quality score %1 of 100: %2</source>
        <translation>Qualitätskennzahl %1 von 100: %2</translation>
    </message>
    <message>
        <source>no production</source>
        <translation>keine Produktion</translation>
    </message>
    <message>
        <source>%1 days on average to resolve</source>
        <translation>im Schnitt %1 Tage bis zur Lösung</translation>
    </message>
    <message>
        <source>nothing resolved yet</source>
        <translation>noch nichts gelöst</translation>
    </message>
    <message>
        <source>%1 · yield %2 (half the score) · issues %3 of 100 (30 %) · resolution %4 of 100 (20 %), %5</source>
        <translation>%1 · Ausbeute %2 (die Hälfte der Kennzahl) · Meldungen %3 von 100 (30 %) · Lösung %4 von 100 (20 %), %5</translation>
    </message>
    <message>
        <source>Scrap by reason (Pareto)</source>
        <translation>Ausschuss nach Grund (Pareto)</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>no scrap reported in this period</source>
        <translation>kein Ausschuss in diesem Zeitraum gemeldet</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n part(s) scrapped</source>
        <translation>
            <numerusform>%1 — %n Teil Ausschuss</numerusform>
            <numerusform>%1 — %n Teile Ausschuss</numerusform>
        </translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Kumulierter Anteil</translation>
    </message>
    <message>
        <source>No reason</source>
        <translation>Kein Grund</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Teile</translation>
    </message>
    <message>
        <source>Issues reported</source>
        <translation>Gemeldete Probleme</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n issue(s)</source>
        <translation>
            <numerusform>%1 — %n Meldung</numerusform>
            <numerusform>%1 — %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>First-pass yield</source>
        <translation>Erstausbeute</translation>
    </message>
    <message>
        <source>no production reported in this period</source>
        <translation>keine Produktion in diesem Zeitraum gemeldet</translation>
    </message>
    <message>
        <source>%1 — %2 overall</source>
        <translation>%1 — %2 insgesamt</translation>
    </message>
    <message>
        <source>Yield</source>
        <translation>Ausbeute</translation>
    </message>
</context>
<context>
    <name>ery::ui::QualityPage</name>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>&amp;Issues and NCRs</source>
        <translation>&amp;Meldungen und NCRs</translation>
    </message>
    <message>
        <source>&amp;Scrap reasons</source>
        <translation>&amp;Ausschussgründe</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Diagramme</translation>
    </message>
    <message>
        <source>Search issues…</source>
        <translation>Meldungen suchen…</translation>
    </message>
    <message>
        <source>Search issues</source>
        <translation>Meldungen suchen</translation>
    </message>
    <message>
        <source>Filters the issues by title, description, NCR number, job, part, operation or reporter</source>
        <translation>Filtert die Meldungen nach Titel, Beschreibung, NCR-Nummer, Auftrag, Teil, Arbeitsgang oder Melder</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle Schweregrade</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Meldungen</translation>
    </message>
    <message>
        <source>Could not load the issues: %1</source>
        <translation>Die Meldungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Select an issue to see where it was reported, its NCR record and its review.</source>
        <translation>Wählen Sie eine Meldung, um zu sehen, wo sie gemeldet wurde, ihren NCR-Datensatz und ihre Prüfung.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeldet von</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeldet</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Non-conformance report</source>
        <translation>Abweichungsbericht (NCR)</translation>
    </message>
    <message>
        <source>NCR number</source>
        <translation>NCR-Nummer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Entscheidung</translation>
    </message>
    <message>
        <source>Affected parts</source>
        <translation>Betroffene Teile</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grundursache</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Korrekturmaßnahme</translation>
    </message>
    <message>
        <source>Preventive action</source>
        <translation>Vorbeugemaßnahme</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifizierung</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Genehmigen…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Ab&amp;lehnen…</translation>
    </message>
    <message>
        <source>Cl&amp;ose…</source>
        <translation>Schl&amp;ießen…</translation>
    </message>
    <message>
        <source>&amp;Verify NCR</source>
        <translation>NCR &amp;verifizieren</translation>
    </message>
    <message>
        <source>Approve issue</source>
        <translation>Meldung genehmigen</translation>
    </message>
    <message>
        <source>Accept the issue as reported, with notes on what happens next</source>
        <translation>Die Meldung wie gemeldet annehmen, mit Notizen zum weiteren Vorgehen</translation>
    </message>
    <message>
        <source>Reject issue</source>
        <translation>Meldung ablehnen</translation>
    </message>
    <message>
        <source>Reject the issue, saying why</source>
        <translation>Die Meldung ablehnen, mit Begründung</translation>
    </message>
    <message>
        <source>Close issue</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Close the reviewed issue, with how it was resolved</source>
        <translation>Die geprüfte Meldung schließen, mit der Lösung</translation>
    </message>
    <message>
        <source>Verify NCR</source>
        <translation>NCR verifizieren</translation>
    </message>
    <message>
        <source>Record that the NCR&apos;s corrective action was checked and works</source>
        <translation>Festhalten, dass die Korrekturmaßnahme der NCR geprüft wurde und wirkt</translation>
    </message>
    <message>
        <source>Issue action result</source>
        <translation>Ergebnis der Aktion zur Meldung</translation>
    </message>
    <message>
        <source>Operators pick these reasons when they report scrap. A reason no longer used is deactivated, not deleted, so past reports keep it.</source>
        <translation>Werker wählen diese Gründe, wenn sie Ausschuss melden. Ein nicht mehr genutzter Grund wird deaktiviert, nicht gelöscht, damit frühere Meldungen ihn behalten.</translation>
    </message>
    <message>
        <source>&amp;New reason…</source>
        <translation>&amp;Neuer Grund…</translation>
    </message>
    <message>
        <source>New scrap reason</source>
        <translation>Neuer Ausschussgrund</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>Edit scrap reason</source>
        <translation>Ausschussgrund bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Deactivate or activate scrap reason</source>
        <translation>Ausschussgrund deaktivieren oder aktivieren</translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation>&amp;Inaktive zeigen</translation>
    </message>
    <message>
        <source>Scrap reasons</source>
        <translation>Ausschussgründe</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Scrap reason result</source>
        <translation>Ergebnis zum Ausschussgrund</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n Meldung</numerusform>
            <numerusform>%n Meldungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n issue(s)</source>
        <translation>
            <numerusform>%1 von %n Meldung</numerusform>
            <numerusform>%1 von %n Meldungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue without a title</source>
        <translation>Meldung ohne Titel</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>%1 severity</source>
        <translation>Schwere %1</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Wird nachgeschlagen…</translation>
    </message>
    <message>
        <source>Stopped — the operation is on hold while this is pending</source>
        <translation>Gestoppt — der Arbeitsgang ist angehalten, solange dies offen ist</translation>
    </message>
    <message>
        <source>Not stopped</source>
        <translation>Nicht gestoppt</translation>
    </message>
    <message>
        <source>Verified %1</source>
        <translation>Verifiziert %1</translation>
    </message>
    <message>
        <source>Verified %1 by %2</source>
        <translation>Verifiziert %1 von %2</translation>
    </message>
    <message>
        <source>Required, not yet verified</source>
        <translation>Erforderlich, noch nicht verifiziert</translation>
    </message>
    <message>
        <source>Not yet verified</source>
        <translation>Noch nicht verifiziert</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Wartet auf Prüfung</translation>
    </message>
    <message>
        <source>“%1” approved.</source>
        <translation>„%1“ genehmigt.</translation>
    </message>
    <message>
        <source>“%1” rejected.</source>
        <translation>„%1“ abgelehnt.</translation>
    </message>
    <message>
        <source>“%1” closed.</source>
        <translation>„%1“ geschlossen.</translation>
    </message>
    <message>
        <source>The NCR&apos;s corrective action is recorded as verified.</source>
        <translation>Die Korrekturmaßnahme der NCR ist als verifiziert festgehalten.</translation>
    </message>
    <message>
        <source>The NCR was not verified: %1</source>
        <translation>Die NCR wurde nicht verifiziert: %1</translation>
    </message>
    <message>
        <source>Someone verified it in the meantime; the detail shows when.</source>
        <translation>Jemand hat sie inzwischen verifiziert; die Details zeigen, wann.</translation>
    </message>
    <message>
        <source>The scrap reasons could not be loaded: %1</source>
        <translation>Die Ausschussgründe konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Scrap reason created.</source>
        <translation>Ausschussgrund angelegt.</translation>
    </message>
    <message>
        <source>Scrap reason saved.</source>
        <translation>Ausschussgrund gespeichert.</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 wurde nicht geändert: %2</translation>
    </message>
    <message>
        <source>%1 is active again: operators can pick it.</source>
        <translation>%1 ist wieder aktiv: Werker können ihn wählen.</translation>
    </message>
    <message>
        <source>%1 is deactivated: operators no longer see it; past reports keep it.</source>
        <translation>%1 ist deaktiviert: Werker sehen ihn nicht mehr; frühere Meldungen behalten ihn.</translation>
    </message>
</context>
<context>
    <name>ery::ui::QueueRowDelegate</name>
    <message numerus="yes">
        <source>OVERDUE %n d</source>
        <translation>
            <numerusform>%n TAG ÜBERFÄLLIG</numerusform>
            <numerusform>%n TAGE ÜBERFÄLLIG</numerusform>
        </translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>HEUTE</translation>
    </message>
    <message>
        <source>SOON: %1</source>
        <translation>BALD: %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Fällig %1</translation>
    </message>
    <message>
        <source>BULLET</source>
        <translation>EILT</translation>
    </message>
    <message>
        <source>ON HOLD</source>
        <translation>ANGEHALTEN</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n Stück</numerusform>
            <numerusform>%n Stück</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::RegisterPage</name>
    <message>
        <source>Register this terminal</source>
        <translation>Dieses Terminal registrieren</translation>
    </message>
    <message>
        <source>Before operators can sign in here, an admin registers this terminal with the hub (%1).</source>
        <translation>Bevor sich Werker hier anmelden können, registriert ein Administrator dieses Terminal beim Hub (%1).</translation>
    </message>
    <message>
        <source>Terminal key</source>
        <translation>Terminal-Schlüssel</translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation>Diesen Schlüssel verwenden</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Benutzername des Administrators</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Passwort des Administrators</translation>
    </message>
    <message>
        <source>Sign in and register</source>
        <translation>Anmelden und registrieren</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>A terminal key made on the admin workstation (Integrations → API keys, scope Floor terminal):</source>
        <translation>Ein Terminal-Schlüssel, angelegt am Verwaltungsarbeitsplatz (Integrationen → API-Schlüssel, Rechte Werkstattterminal):</translation>
    </message>
    <message>
        <source>Or an admin signs in here, and the terminal makes its own key:</source>
        <translation>Oder ein Administrator meldet sich hier an, und das Terminal legt selbst einen Schlüssel an:</translation>
    </message>
    <message>
        <source>That is not a terminal key: it starts with ery_live_ and has 41 characters. Copy it again from the admin workstation.</source>
        <translation>Das ist kein Terminal-Schlüssel: Er beginnt mit ery_live_ und hat 41 Zeichen. Kopieren Sie ihn erneut vom Verwaltungsarbeitsplatz.</translation>
    </message>
    <message>
        <source>Type the admin&apos;s username and password.</source>
        <translation>Geben Sie Benutzername und Passwort des Administrators ein.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung läuft…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network, or whether the hub is running.</source>
        <translation>Der Hub ist nicht erreichbar. Prüfen Sie das Netzwerk und ob der Hub läuft.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Nicht angemeldet: %1</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <source>This user may not register terminals: an admin must sign in.</source>
        <translation>Dieser Benutzer darf keine Terminals registrieren: Ein Administrator muss sich anmelden.</translation>
    </message>
    <message>
        <source>The terminal could not be registered: %1</source>
        <translation>Das Terminal konnte nicht registriert werden: %1</translation>
    </message>
    <message>
        <source>Registering with the demo shop…</source>
        <translation>Registrierung beim Demobetrieb…</translation>
    </message>
    <message>
        <source>The hub could not be asked about its shop: %1</source>
        <translation>Der Hub konnte nicht nach seinem Betrieb gefragt werden: %1</translation>
    </message>
    <message>
        <source>This hub holds a shop that is not the demo: an admin registers the terminal.</source>
        <translation>Dieser Hub enthält einen anderen Betrieb als den Demobetrieb: Ein Administrator registriert das Terminal.</translation>
    </message>
    <message>
        <source>Loading the demo shop…</source>
        <translation>Der Demobetrieb wird geladen…</translation>
    </message>
    <message>
        <source>The demo shop could not be loaded: %1</source>
        <translation>Der Demobetrieb konnte nicht geladen werden: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::ResourcesTab</name>
    <message>
        <source>Available</source>
        <translation>Verfügbar</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Gebrauch</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>In Wartung</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Ausgemustert</translation>
    </message>
    <message>
        <source>&amp;New resource…</source>
        <translation>&amp;Neues Betriebsmittel…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deaktivieren</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Betriebsmittel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Betriebsmittel</translation>
    </message>
    <message>
        <source>The resource was not changed: %1</source>
        <translation>Das Betriebsmittel wurde nicht geändert: %1</translation>
    </message>
    <message>
        <source>Could not load the resources: %1</source>
        <translation>Die Betriebsmittel konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No resources yet: machines, tools, fixtures and moulds operations need.</source>
        <translation>Noch keine Betriebsmittel: Maschinen, Werkzeuge, Vorrichtungen und Formen, die Arbeitsgänge brauchen.</translation>
    </message>
    <message>
        <source>%1 resources</source>
        <translation>%1 Betriebsmittel</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Aktivieren</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>Neues Betriebsmittel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Create resource</source>
        <translation>Betriebsmittel anlegen</translation>
    </message>
    <message>
        <source>e.g. Press brake 7</source>
        <translation>z. B. Abkantpresse 7</translation>
    </message>
    <message>
        <source>machine, tool, fixture, mould…</source>
        <translation>Maschine, Werkzeug, Vorrichtung, Form…</translation>
    </message>
    <message>
        <source>asset or serial number</source>
        <translation>Inventar- oder Seriennummer</translation>
    </message>
    <message>
        <source>hall, bay or rack</source>
        <translation>Halle, Bucht oder Regal</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Resource name</source>
        <translation>Name des Betriebsmittels</translation>
    </message>
</context>
<context>
    <name>ery::ui::ReviewNotesDialog</name>
    <message>
        <source>Approve issue</source>
        <translation>Meldung genehmigen</translation>
    </message>
    <message>
        <source>Approve “%1”. What was decided, and what happens next?</source>
        <translation>„%1“ genehmigen. Was wurde entschieden, und wie geht es weiter?</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Genehmigen</translation>
    </message>
    <message>
        <source>Reject issue</source>
        <translation>Meldung ablehnen</translation>
    </message>
    <message>
        <source>Reject “%1”. Say why, so the operator who reported it knows.</source>
        <translation>„%1“ ablehnen. Sagen Sie, warum, damit der meldende Werker es weiß.</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>Ab&amp;lehnen</translation>
    </message>
    <message>
        <source>Close issue</source>
        <translation>Meldung schließen</translation>
    </message>
    <message>
        <source>Close “%1”. How was it resolved? (optional)</source>
        <translation>„%1“ schließen. Wie wurde es gelöst? (optional)</translation>
    </message>
    <message>
        <source>C&amp;lose issue</source>
        <translation>Meldung sch&amp;ließen</translation>
    </message>
    <message>
        <source>Resolution notes</source>
        <translation>Notizen zur Lösung</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>Notizen zur Prüfung</translation>
    </message>
    <message>
        <source>Notes (required)</source>
        <translation>Notizen (Pflicht)</translation>
    </message>
    <message>
        <source>Review problem</source>
        <translation>Problem bei der Prüfung</translation>
    </message>
    <message>
        <source>Write the notes above, then try again.</source>
        <translation>Schreiben Sie oben die Notizen und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The issue was changed in the meantime, perhaps at another workstation; the list shows its current status.</source>
        <translation>Die Meldung wurde inzwischen geändert, vielleicht an einem anderen Arbeitsplatz; die Liste zeigt ihren aktuellen Status.</translation>
    </message>
    <message>
        <source>Check the connection to the hub, then try again.</source>
        <translation>Prüfen Sie die Verbindung zum Hub und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>ery::ui::ScrapReasonDialog</name>
    <message>
        <source>New scrap reason</source>
        <translation>Neuer Ausschussgrund</translation>
    </message>
    <message>
        <source>Edit scrap reason</source>
        <translation>Ausschussgrund bearbeiten</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>e.g. EDGE-BURR</source>
        <translation>z. B. KANTE-GRAT</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What went wrong, as operators will pick it</source>
        <translation>Was schiefging, so wie Werker es auswählen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Scrap reason problem</source>
        <translation>Problem beim Ausschussgrund</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschreibung</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>K&amp;ategorie</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Ausrüstung</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Konstruktion</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <source>Choose another code, or edit the reason that already has it.</source>
        <translation>Wählen Sie einen anderen Code oder bearbeiten Sie den Grund, der ihn schon hat.</translation>
    </message>
    <message>
        <source>Correct the field, then save again.</source>
        <translation>Korrigieren Sie das Feld und speichern Sie dann erneut.</translation>
    </message>
    <message>
        <source>Check the connection to the hub, then try again.</source>
        <translation>Prüfen Sie die Verbindung zum Hub und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>ery::ui::SecretDialog</name>
    <message>
        <source>Secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Kopiert</translation>
    </message>
    <message>
        <source>I have stored it</source>
        <translation>Ich habe es gespeichert</translation>
    </message>
</context>
<context>
    <name>ery::ui::SettingsDialog</name>
    <message>
        <source>Database</source>
        <translation>Datenbank</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Datenordner</translation>
    </message>
    <message>
        <source>HTTPS certificate</source>
        <translation>HTTPS-Zertifikat</translation>
    </message>
    <message>
        <source>HTTPS private key</source>
        <translation>Privater HTTPS-Schlüssel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>shop.db in the data directory</source>
        <translation>shop.db im Datenordner</translation>
    </message>
    <message>
        <source>A SQLite file, or a PostgreSQL address such as postgresql://eryxon@db-server:5432/eryxon</source>
        <translation>Eine SQLite-Datei oder eine PostgreSQL-Adresse wie postgresql://eryxon@db-server:5432/eryxon</translation>
    </message>
    <message>
        <source>Shop data</source>
        <translation>Betriebsdaten</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite-Datenbanken (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Data &amp;directory:</source>
        <translation>Daten&amp;ordner:</translation>
    </message>
    <message>
        <source>&amp;Serve the REST API and realtime feed from this workstation</source>
        <translation>REST API und Echtzeit-Feed von diesem Arbeitsplatz &amp;bereitstellen</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-Adresse</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1 — nur dieser Computer</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0 — jedes Netzwerk dieses Computers</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>API-Port</translation>
    </message>
    <message>
        <source>none: plain HTTP</source>
        <translation>keins: einfaches HTTP</translation>
    </message>
    <message>
        <source>Hub API</source>
        <translation>Hub-API</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>HTTPS &amp;certificate:</source>
        <translation>HTTPS-&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>HTTPS private &amp;key:</source>
        <translation>Pri&amp;vater Schlüssel:</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Aussehen</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Farben:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>%1 suchen</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Nicht gespeichert:</translation>
    </message>
    <message>
        <source>Not saved: the settings file %1 could not be written.</source>
        <translation>Nicht gespeichert: Die Einstellungsdatei %1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Einstellungen gespeichert</translation>
    </message>
    <message>
        <source>Eryxon uses the new settings the next time it starts.</source>
        <translation>Eryxon nutzt die neuen Einstellungen beim nächsten Start.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>Jetzt &amp;neu starten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Später</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source>This &amp;workstation&apos;s own database</source>
        <translation>&amp;Eigene Datenbank dieses Arbeitsplatzes</translation>
    </message>
    <message>
        <source>A hub on &amp;another machine</source>
        <translation>Ein &amp;Hub auf einem anderen Rechner</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Hub-Adresse</translation>
    </message>
    <message>
        <source>https://10.0.0.5:8787</source>
        <translation>https://10.0.0.5:8787</translation>
    </message>
    <message>
        <source>Hub certificate fingerprint</source>
        <translation>Fingerabdruck des Hub-Zertifikats</translation>
    </message>
    <message>
        <source>none: the certificates this computer trusts</source>
        <translation>keins: die Zertifikate, denen dieser Computer vertraut</translation>
    </message>
    <message>
        <source>The SHA-256 fingerprint of the hub&apos;s own certificate (AB:CD:…), for a hub whose certificate no authority signed. Eryxon names it when it refuses an unknown certificate; compare it with the hub&apos;s before pinning it.</source>
        <translation>Der SHA-256-Fingerabdruck des eigenen Zertifikats des Hubs (AB:CD:…), für einen Hub, dessen Zertifikat keine Zertifizierungsstelle signiert hat. Eryxon nennt ihn, wenn es ein unbekanntes Zertifikat ablehnt; vergleichen Sie ihn mit dem des Hubs, bevor Sie ihn festlegen.</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>Hub add&amp;ress:</source>
        <translation>Hub-Ad&amp;resse:</translation>
    </message>
    <message>
        <source>Pinned certificate (&amp;SHA-256):</source>
        <translation>Festge&amp;legtes Zertifikat (SHA-256):</translation>
    </message>
    <message>
        <source>This workstation is a &amp;floor terminal: operators sign in with their PIN at a touch screen</source>
        <translation>Dieser Arbeitsplatz ist ein &amp;Werkstattterminal: Werker melden sich mit ihrer PIN an einem Touchscreen an</translation>
    </message>
    <message>
        <source>Idle lock of the terminal, in minutes</source>
        <translation>Minuten bis zur automatischen Abmeldung am Terminal</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Floor terminal</source>
        <translation>Werkstattterminal</translation>
    </message>
    <message>
        <source>Sign the operator out after &amp;no touch for:</source>
        <translation>Werker abmelden, wenn so lange &amp;nichts berührt wurde:</translation>
    </message>
    <message>
        <source>A new language shows at once; other changes take effect the next time Eryxon starts. Options given on the command line (--db, --api-port, --api-bind, --no-api, --connect, --certificate-sha256, --theme, --language) win over these for that run.</source>
        <translation>Eine neue Sprache erscheint sofort; andere Änderungen gelten ab dem nächsten Start von Eryxon. Optionen auf der Kommandozeile (--db, --api-port, --api-bind, --no-api, --connect, --certificate-sha256, --theme, --language) haben für diesen Lauf Vorrang.</translation>
    </message>
</context>
<context>
    <name>ery::ui::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in to Eryxon MES</source>
        <translation>Bei Eryxon MES anmelden</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Anmeldeproblem</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Geben Sie Benutzername und Passwort ein.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until %1. Wait, or ask another admin to unlock it.</source>
        <translation>Zu viele falsche Passwörter: Dieses Konto ist bis %1 gesperrt. Warten Sie oder bitten Sie einen anderen Administrator, es zu entsperren.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for 15 minutes. Wait, or ask another admin to unlock it.</source>
        <translation>Zu viele falsche Passwörter: Dieses Konto ist für 15 Minuten gesperrt. Warten Sie oder bitten Sie einen anderen Administrator, es zu entsperren.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong username or password. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>Falscher Benutzername oder falsches Passwort. Noch %n Versuch, bevor das Konto gesperrt wird.</numerusform>
            <numerusform>Falscher Benutzername oder falsches Passwort. Noch %n Versuche, bevor das Konto gesperrt wird.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask another admin to reactivate it.</source>
        <translation>Dieses Konto ist deaktiviert. Bitten Sie einen anderen Administrator, es wieder zu aktivieren.</translation>
    </message>
    <message>
        <source>The hub cannot be reached: %1</source>
        <translation>Der Hub ist nicht erreichbar: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::TerminalStatusBar</name>
    <message>
        <source>Time on the current operation</source>
        <translation>Zeit am aktuellen Arbeitsgang</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <source>%1 · not working on anything</source>
        <translation>%1 · an keinem Arbeitsgang</translation>
    </message>
    <message>
        <source>%1 · working on %2</source>
        <translation>%1 · arbeitet an %2</translation>
    </message>
    <message>
        <source>an operation</source>
        <translation>einem Arbeitsgang</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Verbunden</translation>
    </message>
    <message numerus="yes">
        <source>● Connected — sending %n action(s)…</source>
        <translation>
            <numerusform>● Verbunden — %n Aktion wird gesendet…</numerusform>
            <numerusform>● Verbunden — %n Aktionen werden gesendet…</numerusform>
        </translation>
    </message>
    <message>
        <source>● Hub unreachable — what you do here will be sent when it is back</source>
        <translation>● Hub nicht erreichbar — was Sie hier tun, wird gesendet, sobald er wieder da ist</translation>
    </message>
    <message numerus="yes">
        <source>● Hub unreachable — %n action(s) waiting, they will be sent when it is back</source>
        <translation>
            <numerusform>● Hub nicht erreichbar — %n Aktion wartet und wird gesendet, sobald er wieder da ist</numerusform>
            <numerusform>● Hub nicht erreichbar — %n Aktionen warten und werden gesendet, sobald er wieder da ist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::TerminalWindow</name>
    <message>
        <source>Eryxon floor terminal</source>
        <translation>Eryxon Werkstattterminal</translation>
    </message>
    <message>
        <source>The hub no longer accepts this terminal&apos;s key (it was revoked). An admin registers the terminal again.</source>
        <translation>Der Hub nimmt den Schlüssel dieses Terminals nicht mehr an (er wurde widerrufen). Ein Administrator registriert das Terminal erneut.</translation>
    </message>
    <message>
        <source>Your session ended; sign in again.</source>
        <translation>Ihre Sitzung ist abgelaufen; melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>This terminal could not write down your action, so it was not done: %1</source>
        <translation>Dieses Terminal konnte Ihre Aktion nicht festhalten, deshalb wurde sie nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>Signed out after %n minute(s) without a touch.</source>
        <translation>
            <numerusform>Nach %n Minute ohne Berührung abgemeldet.</numerusform>
            <numerusform>Nach %n Minuten ohne Berührung abgemeldet.</numerusform>
        </translation>
    </message>
    <message>
        <source>This terminal is registered. Operators sign in with their employee id and PIN.</source>
        <translation>Dieses Terminal ist registriert. Werker melden sich mit ihrer Personalnummer und PIN an.</translation>
    </message>
    <message>
        <source>An action could not be done</source>
        <translation>Eine Aktion konnte nicht ausgeführt werden</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
    <message>
        <source>Taken at %1%2. The hub refused it: %3

The queue shows how things stand now; do it again if it is still needed.</source>
        <translation>Erfasst um %1%2. Der Hub hat sie abgelehnt: %3

Der Arbeitsvorrat zeigt den aktuellen Stand; führen Sie sie erneut aus, wenn sie noch nötig ist.</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> von %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::WebhooksTab</name>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failing, will try again</source>
        <translation>Fehlgeschlagen, neuer Versuch folgt</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>&amp;New webhook…</source>
        <translation>&amp;Neuer Webhook…</translation>
    </message>
    <message>
        <source>Rotate &amp;secret…</source>
        <translation>&amp;Geheimnis erneuern…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>Erneut &amp;senden</translation>
    </message>
    <message>
        <source>Send all &amp;failed again…</source>
        <translation>Alle &amp;fehlgeschlagenen erneut senden…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>On, failing since %1</source>
        <translation>An, fehlerhaft seit %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>No webhooks yet. Add one to have the shop&apos;s events posted, signed, to another system&apos;s URL.</source>
        <translation>Noch keine Webhooks. Fügen Sie einen hinzu, um die Ereignisse des Betriebs signiert an die URL eines anderen Systems zu senden.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Angelegt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Letzte Antwort</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook</source>
        <translation>Zustellungen des gewählten Webhooks</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Response or error</source>
        <translation>Antwort oder Fehler</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Neuer Webhook</translation>
    </message>
    <message>
        <source>Send the shop&apos;s events to a URL</source>
        <translation>Die Ereignisse des Betriebs an eine URL senden</translation>
    </message>
    <message>
        <source>Rotate signing secret</source>
        <translation>Signaturgeheimnis erneuern</translation>
    </message>
    <message>
        <source>Make a new signing secret; the old one keeps working for 24 hours</source>
        <translation>Ein neues Signaturgeheimnis erzeugen; das alte gilt noch 24 Stunden</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>Stop sending events to the selected URL and forget its log</source>
        <translation>Keine Ereignisse mehr an die gewählte URL senden und ihr Protokoll verwerfen</translation>
    </message>
    <message>
        <source>Send the selected delivery again</source>
        <translation>Die gewählte Zustellung erneut senden</translation>
    </message>
    <message>
        <source>Send the selected delivery again, now</source>
        <translation>Die gewählte Zustellung jetzt erneut senden</translation>
    </message>
    <message>
        <source>Send every failed delivery again</source>
        <translation>Jede fehlgeschlagene Zustellung erneut senden</translation>
    </message>
    <message>
        <source>Send every failed delivery of this webhook since a time again</source>
        <translation>Jede fehlgeschlagene Zustellung dieses Webhooks seit einem Zeitpunkt erneut senden</translation>
    </message>
    <message>
        <source>Refresh the delivery log</source>
        <translation>Das Zustellprotokoll aktualisieren</translation>
    </message>
    <message>
        <source>Read the delivery log again</source>
        <translation>Das Zustellprotokoll neu lesen</translation>
    </message>
    <message>
        <source>Could not load the webhooks: %1</source>
        <translation>Die Webhooks konnten nicht geladen werden: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n Webhook</numerusform>
            <numerusform>%n Webhooks</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a webhook to see its deliveries.</source>
        <translation>Wählen Sie einen Webhook, um seine Zustellungen zu sehen.</translation>
    </message>
    <message>
        <source>Could not load the deliveries: %1</source>
        <translation>Die Zustellungen konnten nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>No deliveries yet: events the webhook subscribes to appear here.</source>
        <translation>Noch keine Zustellungen: Ereignisse, die der Webhook abonniert, erscheinen hier.</translation>
    </message>
    <message numerus="yes">
        <source>Deliveries: %n not delivered</source>
        <translation>
            <numerusform>Zustellungen: %n nicht zugestellt</numerusform>
            <numerusform>Zustellungen: %n nicht zugestellt</numerusform>
        </translation>
    </message>
    <message>
        <source>Create webhook</source>
        <translation>Webhook anlegen</translation>
    </message>
    <message>
        <source>https://erp.example.com/eryxon</source>
        <translation>https://erp.example.com/eryxon</translation>
    </message>
    <message>
        <source>What receives it, e.g. ERP</source>
        <translation>Wer ihn empfängt, z. B. ERP</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>Webhook created</source>
        <translation>Webhook angelegt</translation>
    </message>
    <message>
        <source>Events now go to %1, signed with this secret. The receiver checks the webhook-signature header with it (docs: Event delivery, Verify).</source>
        <translation>Ereignisse gehen jetzt an %1, signiert mit diesem Geheimnis. Der Empfänger prüft damit den Header webhook-signature (Doku: Event delivery, Verify).</translation>
    </message>
    <message>
        <source>Copy the signing secret now and give it to the receiver: it is shown only this once and cannot be retrieved again. If it is lost, rotate it.</source>
        <translation>Kopieren Sie das Signaturgeheimnis jetzt und geben Sie es dem Empfänger: Es wird nur dieses eine Mal angezeigt und kann nicht erneut abgerufen werden. Geht es verloren, erneuern Sie es.</translation>
    </message>
    <message>
        <source>Make a new signing secret for %1?</source>
        <translation>Ein neues Signaturgeheimnis für %1 erzeugen?</translation>
    </message>
    <message>
        <source>Deliveries are signed with both secrets for 24 hours, so the receiver can switch to the new one without missing an event. After that only the new one is valid.</source>
        <translation>Zustellungen werden 24 Stunden lang mit beiden Geheimnissen signiert, damit der Empfänger ohne verpasstes Ereignis auf das neue umstellen kann. Danach gilt nur das neue.</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Erneuern</translation>
    </message>
    <message>
        <source>The secret of %1 was not rotated: %2</source>
        <translation>Das Geheimnis von %1 wurde nicht erneuert: %2</translation>
    </message>
    <message>
        <source>New signing secret</source>
        <translation>Neues Signaturgeheimnis</translation>
    </message>
    <message>
        <source>The new signing secret of %1:</source>
        <translation>Das neue Signaturgeheimnis von %1:</translation>
    </message>
    <message>
        <source>Copy it now and give it to the receiver: it is shown only this once. The old secret stays valid for 24 hours.</source>
        <translation>Kopieren Sie es jetzt und geben Sie es dem Empfänger: Es wird nur dieses eine Mal angezeigt. Das alte Geheimnis gilt noch 24 Stunden.</translation>
    </message>
    <message>
        <source>Delete the webhook to %1?</source>
        <translation>Den Webhook an %1 löschen?</translation>
    </message>
    <message>
        <source>No more events are sent there, and its delivery log is deleted with it.</source>
        <translation>Dorthin werden keine Ereignisse mehr gesendet, und sein Zustellprotokoll wird mit gelöscht.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>The webhook to %1 was not deleted: %2</source>
        <translation>Der Webhook an %1 wurde nicht gelöscht: %2</translation>
    </message>
    <message>
        <source>The %1 delivery is being sent again.</source>
        <translation>Die Zustellung von %1 wird erneut gesendet.</translation>
    </message>
    <message>
        <source>The %1 delivery could not be sent again: %2</source>
        <translation>Die Zustellung von %1 konnte nicht erneut gesendet werden: %2</translation>
    </message>
    <message>
        <source>Send failed deliveries again</source>
        <translation>Fehlgeschlagene Zustellungen erneut senden</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Every delivery to %1 that failed since this time is sent again, with its original event id.</source>
        <translation>Jede Zustellung an %1, die seit diesem Zeitpunkt fehlschlug, wird erneut gesendet, mit ihrer ursprünglichen Event-ID.</translation>
    </message>
    <message>
        <source>Failed &amp;since:</source>
        <translation>Fehlgeschlagen &amp;seit:</translation>
    </message>
    <message>
        <source>Failed since</source>
        <translation>Fehlgeschlagen seit</translation>
    </message>
    <message>
        <source>No failed deliveries in that time: nothing was sent again.</source>
        <translation>Keine fehlgeschlagenen Zustellungen in dieser Zeit: Nichts wurde erneut gesendet.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed delivery(s) are being sent again.</source>
        <translation>
            <numerusform>%n fehlgeschlagene Zustellung wird erneut gesendet.</numerusform>
            <numerusform>%n fehlgeschlagene Zustellungen werden erneut gesendet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkPage</name>
    <message>
        <source>Cell</source>
        <translation>Zelle</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>Werker wechseln</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Nothing is running here. Touch a waiting operation below, then Start.</source>
        <translation>Hier läuft nichts. Tippen Sie unten einen wartenden Arbeitsgang an, dann auf Starten.</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Werker: %1</translation>
    </message>
    <message>
        <source>The cells could not be read: %1</source>
        <translation>Die Zellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This shop has no cells yet: an admin adds them under Cells &amp; operators.</source>
        <translation>Dieser Betrieb hat noch keine Zellen: Ein Administrator legt sie unter Zellen &amp; Werker an.</translation>
    </message>
    <message>
        <source>The queue of this cell could not be read: %1</source>
        <translation>Der Arbeitsvorrat dieser Zelle konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>That operation is not waiting or running in %1.</source>
        <translation>Dieser Arbeitsgang wartet nicht und läuft nicht in %1.</translation>
    </message>
    <message>
        <source>Buffer — next up</source>
        <translation>Puffer — als Nächstes</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The operation you had open is no longer waiting here (completed, or moved).</source>
        <translation>Der Arbeitsgang, den Sie offen hatten, wartet hier nicht mehr (abgeschlossen oder verschoben).</translation>
    </message>
    <message>
        <source>This is the last cell of the shop.</source>
        <translation>Dies ist die letzte Zelle des Betriebs.</translation>
    </message>
    <message>
        <source>%1 of %2 jobs</source>
        <translation>%1 von %2 Aufträgen</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>kein Limit</translation>
    </message>
    <message>
        <source>PAUSE — the next cell, %1, is full (%2): finish nothing more into it for now.</source>
        <translation>PAUSE — die nächste Zelle, %1, ist voll (%2): vorerst nichts mehr für sie fertigstellen.</translation>
    </message>
    <message>
        <source>GO — the next cell, %1, has room (%2).</source>
        <translation>WEITER — die nächste Zelle, %1, hat Platz (%2).</translation>
    </message>
    <message>
        <source>No operation has the code %1.</source>
        <translation>Kein Arbeitsgang hat den Code %1.</translation>
    </message>
    <message>
        <source>%1 is completed already.</source>
        <translation>%1 ist bereits abgeschlossen.</translation>
    </message>
    <message>
        <source>Nothing was found for the code %1: not an operation, job or part of this shop.</source>
        <translation>Zum Code %1 wurde nichts gefunden: kein Arbeitsgang, Auftrag oder Teil dieses Betriebs.</translation>
    </message>
    <message>
        <source>%1 has no open work: every operation is completed.</source>
        <translation>%1 hat keine offene Arbeit: Jeder Arbeitsgang ist abgeschlossen.</translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkQueuePage</name>
    <message numerus="yes">
        <source>WIP: %n job(s), limit %1</source>
        <translation>
            <numerusform>WIP: %n Auftrag, Limit %1</numerusform>
            <numerusform>WIP: %n Aufträge, Limit %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>WIP: %n job(s), no limit</source>
        <translation>
            <numerusform>WIP: %n Auftrag, kein Limit</numerusform>
            <numerusform>WIP: %n Aufträge, kein Limit</numerusform>
        </translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Arbeitsvorrat</translation>
    </message>
    <message>
        <source>Drag a waiting card onto In process to start it, or onto another cell to move it there.</source>
        <translation>Ziehen Sie eine wartende Karte auf In Bearbeitung, um sie zu starten, oder auf eine andere Zelle, um sie dorthin zu verschieben.</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>Job, part, customer or operation…</source>
        <translation>Auftrag, Teil, Kunde oder Arbeitsgang…</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Den Arbeitsvorrat durchsuchen</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Jeder Termin</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>Fällig in 3 Tagen</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Fällig in 7 Tagen</translation>
    </message>
    <message>
        <source>Bullet Cards only</source>
        <translation>Nur Eilkarten</translation>
    </message>
    <message>
        <source>Nothing running here. Drag a card from Buffer or Expected to start it.</source>
        <translation>Hier läuft nichts. Ziehen Sie eine Karte aus Puffer oder Erwartet, um sie zu starten.</translation>
    </message>
    <message>
        <source>No work waiting.</source>
        <translation>Keine wartende Arbeit.</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Puffer</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Erwartet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Abschließen</translation>
    </message>
    <message>
        <source>Move to cell</source>
        <translation>In Zelle verschieben</translation>
    </message>
    <message>
        <source>The cells could not be read: %1</source>
        <translation>Die Zellen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1: %2 running, %3 on hold, %4 waiting. WIP counts the jobs with work waiting or running here.</source>
        <translation>%1: %2 laufend, %3 angehalten, %4 wartend. WIP zählt die Aufträge mit wartender oder laufender Arbeit hier.</translation>
    </message>
    <message>
        <source>The queue of this cell could not be read: %1</source>
        <translation>Der Arbeitsvorrat dieser Zelle konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No cells yet: add them under Cells</source>
        <translation>Noch keine Zellen: Legen Sie sie unter Zellen an</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 von %3)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Its status was changed in the meantime, perhaps at a terminal. The board shows its current status.</source>
        <translation>Der Status wurde inzwischen geändert, vielleicht an einem Terminal. Die Tafel zeigt den aktuellen Status.</translation>
    </message>
    <message>
        <source>%1 could not be resumed.</source>
        <translation>%1 konnte nicht fortgesetzt werden.</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>%1 konnte nicht gestartet werden.</translation>
    </message>
    <message>
        <source>%1 could not be paused.</source>
        <translation>%1 konnte nicht angehalten werden.</translation>
    </message>
    <message>
        <source>%1 could not be completed.</source>
        <translation>%1 konnte nicht abgeschlossen werden.</translation>
    </message>
    <message>
        <source>%1 could not be moved to %2.</source>
        <translation>%1 konnte nicht nach %2 verschoben werden.</translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkstationSettings</name>
    <message>
        <source>The database address must look like postgresql://user@host:5432/eryxon.</source>
        <translation>Die Datenbankadresse muss wie postgresql://user@host:5432/eryxon aussehen.</translation>
    </message>
    <message>
        <source>The database %1 is a folder: name a file in it, such as shop.db.</source>
        <translation>Die Datenbank %1 ist ein Ordner: Nennen Sie eine Datei darin, etwa shop.db.</translation>
    </message>
    <message>
        <source>The folder of the database, %1, does not exist.</source>
        <translation>Der Ordner der Datenbank, %1, existiert nicht.</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be a folder: %2 is a file.</source>
        <translation>Der Datenordner %1 kann kein Ordner sein: %2 ist eine Datei.</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be written: %2 is not writable for you.</source>
        <translation>In den Datenordner %1 kann nicht geschrieben werden: %2 ist für Sie nicht beschreibbar.</translation>
    </message>
    <message>
        <source>The API address &quot;%1&quot; is not an IP address: use 127.0.0.1 for this computer only, or 0.0.0.0 for the network.</source>
        <translation>Die API-Adresse &quot;%1&quot; ist keine IP-Adresse: Nehmen Sie 127.0.0.1 nur für diesen Computer oder 0.0.0.0 für das Netzwerk.</translation>
    </message>
    <message>
        <source>The API port must be a number from 1 to 65535.</source>
        <translation>Der API-Port muss eine Zahl von 1 bis 65535 sein.</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key; give both, or neither for plain HTTP.</source>
        <translation>HTTPS braucht ein Zertifikat und seinen privaten Schlüssel; geben Sie beide an, oder keins von beiden für einfaches HTTP.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Die Datei %1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>The look must be system, light or dark.</source>
        <translation>Das Aussehen muss system, light oder dark sein.</translation>
    </message>
    <message>
        <source>The language must be system, en, nl or de.</source>
        <translation>Die Sprache muss system, en, nl oder de sein.</translation>
    </message>
    <message>
        <source>The terminal&apos;s idle lock must be from 1 to 720 minutes.</source>
        <translation>Die Zeit bis zur automatischen Abmeldung am Terminal muss 1 bis 720 Minuten betragen.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Eryxon MES desktop: the shop admin workstation.</source>
        <translation>Eryxon MES Desktop: der Verwaltungsarbeitsplatz des Betriebs.</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: the one in Settings, else %1).</source>
        <translation>SQLite-Datei oder postgresql://-URL (Standard: die aus den Einstellungen, sonst %1).</translation>
    </message>
    <message>
        <source>Load the demo shop into an empty database without asking.</source>
        <translation>Den Demobetrieb ohne Nachfrage in eine leere Datenbank laden.</translation>
    </message>
    <message>
        <source>Port of the embedded REST API (default: Settings, else 8787).</source>
        <translation>Port der eingebauten REST API (Standard: Einstellungen, sonst 8787).</translation>
    </message>
    <message>
        <source>Address the REST API listens on (default: Settings, else 127.0.0.1; 0.0.0.0 opens it to the LAN).</source>
        <translation>Adresse, auf der die REST API lauscht (Standard: Einstellungen, sonst 127.0.0.1; 0.0.0.0 öffnet sie für das LAN).</translation>
    </message>
    <message>
        <source>Do not serve the REST API from this workstation.</source>
        <translation>Die REST API nicht von diesem Arbeitsplatz bereitstellen.</translation>
    </message>
    <message>
        <source>&quot;off&quot; pauses outgoing webhooks and MQTT (resume from the banner).</source>
        <translation>&quot;off&quot; pausiert ausgehende Webhooks und MQTT (fortsetzen über das Banner).</translation>
    </message>
    <message>
        <source>The panel to open on (dashboard, jobs, quality, …; default jobs).</source>
        <translation>Das Bedienfeld beim Start (dashboard, jobs, quality, …; Standard jobs).</translation>
    </message>
    <message>
        <source>Colours: light, dark, or system to follow the desktop (default: Settings, else system).</source>
        <translation>Farben: light, dark oder system, um dem Desktop zu folgen (Standard: Einstellungen, sonst system).</translation>
    </message>
    <message>
        <source>Save a PNG of the window to PATH once the panel has loaded, then quit (with --demo).</source>
        <translation>Ein PNG des Fensters unter PATH speichern, sobald das Bedienfeld geladen ist, dann beenden (mit --demo).</translation>
    </message>
    <message>
        <source>Eryxon MES</source>
        <translation>Eryxon MES</translation>
    </message>
    <message>
        <source>--theme takes light, dark or system, got &quot;%1&quot;.</source>
        <translation>--theme erwartet light, dark oder system, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--integrations takes &quot;off&quot;, got &quot;%1&quot;.</source>
        <translation>--integrations erwartet &quot;off&quot;, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The folder %1 of --db does not exist.</source>
        <translation>Der Ordner %1 von --db existiert nicht.</translation>
    </message>
    <message>
        <source>--api-port needs a port number, got &quot;%1&quot;.</source>
        <translation>--api-port erwartet eine Portnummer, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Eryxon could not open its database.
%1</source>
        <translation>Eryxon konnte seine Datenbank nicht öffnen.
%1</translation>
    </message>
    <message>
        <source>database %1, API on %2:%3%4</source>
        <translation>Datenbank %1, API auf %2:%3%4</translation>
    </message>
    <message>
        <source> (HTTPS)</source>
        <translation> (HTTPS)</translation>
    </message>
    <message>
        <source>database %1, no API</source>
        <translation>Datenbank %1, keine API</translation>
    </message>
    <message>
        <source>Language: en (English), nl (Nederlands), de (Deutsch), or system to follow the desktop (default: Settings, else system).</source>
        <translation>Sprache: en (English), nl (Nederlands), de (Deutsch) oder system, um dem Desktop zu folgen (Standard: Einstellungen, sonst system).</translation>
    </message>
    <message>
        <source>--language takes en, nl, de or system, got &quot;%1&quot;.</source>
        <translation>--language erwartet en, nl, de oder system, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Work with the hub at this address (http(s)://HOST:PORT) instead of a database of this workstation (default: Settings).</source>
        <translation>Mit dem Hub unter dieser Adresse arbeiten (http(s)://HOST:PORT) statt mit einer Datenbank dieses Arbeitsplatzes (Standard: Einstellungen).</translation>
    </message>
    <message>
        <source>With --connect: trust the hub&apos;s certificate with this SHA-256 fingerprint (AB:CD:…) even if no authority signed it.</source>
        <translation>Mit --connect: dem Zertifikat des Hubs mit diesem SHA-256-Fingerabdruck (AB:CD:…) vertrauen, auch wenn keine Zertifizierungsstelle es signiert hat.</translation>
    </message>
    <message>
        <source>Start as a floor terminal: operators sign in with their PIN at a touch screen.</source>
        <translation>Als Werkstattterminal starten: Werker melden sich mit ihrer PIN an einem Touchscreen an.</translation>
    </message>
    <message>
        <source>Start as the admin workstation, also when Settings made this one a floor terminal.</source>
        <translation>Als Verwaltungsarbeitsplatz starten, auch wenn dieser Arbeitsplatz in den Einstellungen ein Werkstattterminal ist.</translation>
    </message>
    <message>
        <source>With --terminal --demo --screenshot: the screen to take (login, queues, detail, drawing or report).</source>
        <translation>Mit --terminal --demo --screenshot: der aufzunehmende Bildschirm (login, queues, detail, drawing oder report).</translation>
    </message>
    <message>
        <source>The window&apos;s size for --screenshot (default 1280x800).</source>
        <translation>Die Fenstergröße für --screenshot (Standard 1280x800).</translation>
    </message>
    <message>
        <source>--connect and --db exclude each other: work with a hub, or with a database here.</source>
        <translation>--connect und --db schließen sich aus: Arbeiten Sie mit einem Hub oder mit einer Datenbank hier.</translation>
    </message>
    <message>
        <source>--certificate-sha256 goes with --connect.</source>
        <translation>--certificate-sha256 gehört zu --connect.</translation>
    </message>
    <message>
        <source>the hub at %1%2</source>
        <translation>Hub unter %1%2</translation>
    </message>
    <message>
        <source> (pinned certificate)</source>
        <translation> (festgelegtes Zertifikat)</translation>
    </message>
</context>
</TS>
