<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Cli</name>
    <message>
        <source>exported %1/%2 rows</source>
        <translation>%1/%2 Zeilen exportiert</translation>
    </message>
    <message>
        <source>exported %1 rows of %2 tables to %3 (%4 bytes, %5 ms)</source>
        <translation>%1 Zeilen aus %2 Tabellen nach %3 exportiert (%4 Bytes, %5 ms)</translation>
    </message>
    <message>
        <source>restored %1/%2 rows</source>
        <translation>%1/%2 Zeilen wiederhergestellt</translation>
    </message>
    <message>
        <source>restored %1 rows into tenant %2 at %3 (%4 ms)</source>
        <translation>%1 Zeilen in Betrieb %2 unter %3 wiederhergestellt (%4 ms)</translation>
    </message>
    <message>
        <source>restored %1 attached files (%2 bytes of contents)</source>
        <translation>%1 angehängte Dateien wiederhergestellt (%2 Bytes Inhalt)</translation>
    </message>
    <message>
        <source>left out %1 attached files: a JSON export lists files without their contents; restore the ZIP export (export --format csv) to bring them</source>
        <translation>%1 angehängte Dateien ausgelassen: ein JSON-Export nennt Dateien ohne ihren Inhalt; stellen Sie den ZIP-Export wieder her (export --format csv), um sie mitzunehmen</translation>
    </message>
    <message>
        <source>passwords and PINs are never exported: restore with --admin USERNAME to give an admin a new password</source>
        <translation>Passwörter und PINs werden nie exportiert: mit --admin USERNAME wiederherstellen, um einem Administrator ein neues Passwort zu geben</translation>
    </message>
    <message>
        <source>mcp-stdio needs an MCP key: --key mcp_live_… or ERYXON_MCP_KEY (create one with `%1`)</source>
        <translation>mcp-stdio braucht einen MCP-Schlüssel: --key mcp_live_… oder ERYXON_MCP_KEY (einen anlegen mit `%1`)</translation>
    </message>
    <message>
        <source>%1 (see eryxon-server --help)</source>
        <translation>%1 (siehe eryxon-server --help)</translation>
    </message>
    <message>
        <source>Usage: eryxon-server &lt;command&gt; [options]

Commands:
  init --shop NAME --admin USERNAME
                        create your shop (with its sandbox twin) and its first admin on an
                        empty database; the password is asked for, or read from
                        --password-file FILE or from stdin when it is not a terminal
                        (--admin-name, --enterprise, --site, --area, --timezone,
                        --cells &quot;Laser,Press brake,Weld&quot;)
  serve                 run the engine until SIGINT/SIGTERM (--integrations off: webhooks
                        and MQTT paused)
  demo [--sandbox]      load the demo shop (running it twice changes nothing); --sandbox
                        loads it into the sandbox twin too, for test keys
  migrate               create or upgrade the database schema
  status                print the engine status as JSON: schema, outbox, whether a hub is
                        serving this database (address, uptime), integrations paused
  settings get [KEY]    print the shop&apos;s settings
  settings set KEY VALUE
                        change one setting (name, enterprise, site, area, timezone,
                        enforce_wip_limits, allow_loopback_webhooks, rate_limit_per_minute,
                        plan, max_jobs, max_parts_per_month, max_storage_mb; null clears)
  integrations status|pause|resume
                        outgoing webhooks and MQTT: paused on a copied database until resumed
  jobs list             list the jobs of the tenant
  jobs start|stop|resume|complete JOB_NUMBER
                        change a job&apos;s status
  keys create --name N [--test] [--scope read|read_write|admin|terminal]
                        create an API key; prints only the key (shown once)
  keys list             list the tenant&apos;s API keys (never the keys themselves)
  keys revoke ID        revoke an API key at once
  mcp-keys create --name N [--test] [--allowed-tools a,b,...] [--rate-limit PER_MIN]
                  [--description D]
                        create an MCP key (default: every tool, 100 calls a minute);
                        prints only the key (shown once)
  mcp-keys list         list the tenant&apos;s MCP keys (never the keys themselves)
  mcp-keys revoke ID    revoke an MCP key at once, also for open MCP sessions
  mcp-stdio             the MCP server on stdin/stdout for AI desktop clients; the MCP key
                        from --key or ERYXON_MCP_KEY (docs/mcp.md)
  import ENTITY FILE    import a CSV file of jobs, parts, operations, cells or resources
                        (whole or not at all; --skip-bad-rows, --dry-run, --source S)
  export --format json|csv --out FILE [--entities jobs,parts,...]
                        write the tenant&apos;s data to one JSON file or a ZIP of CSV files
                        (secrets, key hashes, passwords and PINs are never exported)
  restore FILE          load an export into an empty database (also SQLite -&gt; PostgreSQL)
                        or, with --tenant, into an existing tenant without shop data;
                        --admin USERNAME gives that user of the export a new password
                        (asked for, or --password-file FILE)

Options:
  --db PATH|URL         SQLite file or postgresql://user:pass@host:port/db
                        (default: the platform data directory)
  --files-dir DIR       where attached files are stored (default: files/ beside the SQLite
                        file, or in the platform data directory for PostgreSQL)
  --tenant NAME|ID      the tenant to act on (default: the first live tenant)
  --bind ADDR           serve: the address to listen on (default 127.0.0.1)
  --port N              serve: the REST API port (default 8787)
  --tls-cert FILE, --tls-key FILE
                        serve: HTTPS with this PEM certificate and key
  --cors-origins LIST   serve: comma-separated browser origins allowed to call the API
  --log-level LEVEL     serve: error, warning, info (default: one line per request) or debug;
                        also ERYXON_LOG_LEVEL. The log goes to stderr
  --version             print the version
  -h, --help            print this help
</source>
        <translation>Aufruf: eryxon-server &lt;Befehl&gt; [Optionen]

Befehle:
  init --shop NAME --admin USERNAME
                        den Betrieb (mit seinem Sandbox-Zwilling) und seinen ersten
                        Administrator in einer leeren Datenbank anlegen; das Passwort wird
                        abgefragt oder aus --password-file FILE gelesen, oder von stdin,
                        wenn dies kein Terminal ist
                        (--admin-name, --enterprise, --site, --area, --timezone,
                        --cells &quot;Laser,Abkantpresse,Schweißen&quot;)
  serve                 die Engine bis SIGINT/SIGTERM laufen lassen (--integrations off:
                        Webhooks und MQTT pausiert)
  demo [--sandbox]      den Demobetrieb laden (ein zweiter Aufruf ändert nichts); --sandbox
                        lädt ihn auch in den Sandbox-Zwilling, für Testschlüssel
  migrate               das Datenbankschema anlegen oder aktualisieren
  status                den Engine-Status als JSON ausgeben: Schema, Outbox, ob ein Hub diese
                        Datenbank bedient (Adresse, Laufzeit), Integrationen pausiert
  settings get [KEY]    die Einstellungen des Betriebs ausgeben
  settings set KEY VALUE
                        eine Einstellung ändern (name, enterprise, site, area, timezone,
                        enforce_wip_limits, allow_loopback_webhooks, rate_limit_per_minute,
                        plan, max_jobs, max_parts_per_month, max_storage_mb; null löscht)
  integrations status|pause|resume
                        ausgehende Webhooks und MQTT: auf einer kopierten Datenbank pausiert,
                        bis sie fortgesetzt werden
  jobs list             die Aufträge des Betriebs auflisten
  jobs start|stop|resume|complete JOB_NUMBER
                        den Status eines Auftrags ändern
  keys create --name N [--test] [--scope read|read_write|admin|terminal]
                        einen API-Schlüssel anlegen; gibt nur den Schlüssel aus (nur einmal
                        angezeigt)
  keys list             die API-Schlüssel des Betriebs auflisten (nie die Schlüssel selbst)
  keys revoke ID        einen API-Schlüssel sofort widerrufen
  mcp-keys create --name N [--test] [--allowed-tools a,b,...] [--rate-limit PER_MIN]
                  [--description D]
                        einen MCP-Schlüssel anlegen (Standard: alle Tools, 100 Aufrufe pro
                        Minute); gibt nur den Schlüssel aus (nur einmal angezeigt)
  mcp-keys list         die MCP-Schlüssel des Betriebs auflisten (nie die Schlüssel selbst)
  mcp-keys revoke ID    einen MCP-Schlüssel sofort widerrufen, auch für offene MCP-Sitzungen
  mcp-stdio             der MCP-Server auf stdin/stdout für KI-Desktop-Clients; der
                        MCP-Schlüssel kommt aus --key oder ERYXON_MCP_KEY (docs/mcp.md)
  import ENTITY FILE    eine CSV-Datei importieren; ENTITY ist jobs, parts, operations, cells
                        oder resources (ganz oder gar nicht; --skip-bad-rows, --dry-run,
                        --source S)
  export --format json|csv --out FILE [--entities jobs,parts,...]
                        die Daten des Betriebs in eine JSON-Datei oder ein ZIP mit CSV-Dateien
                        schreiben (Geheimnisse, Schlüssel-Hashes, Passwörter und PINs werden
                        nie exportiert)
  restore FILE          einen Export in eine leere Datenbank laden (auch SQLite -&gt; PostgreSQL)
                        oder, mit --tenant, in einen bestehenden Betrieb ohne Betriebsdaten;
                        --admin USERNAME gibt diesem Benutzer aus dem Export ein neues
                        Passwort (abgefragt oder aus --password-file FILE)

Optionen:
  --db PATH|URL         SQLite-Datei oder postgresql://user:pass@host:port/db
                        (Standard: der Datenordner der Plattform)
  --files-dir DIR       wo angehängte Dateien gespeichert werden (Standard: files/ neben der
                        SQLite-Datei, bei PostgreSQL im Datenordner der Plattform)
  --tenant NAME|ID      der Betrieb, auf den sich der Befehl bezieht (Standard: der erste
                        Live-Betrieb)
  --bind ADDR           serve: die Adresse, auf der gelauscht wird (Standard 127.0.0.1)
  --port N              serve: der Port der REST API (Standard 8787)
  --tls-cert FILE, --tls-key FILE
                        serve: HTTPS mit diesem PEM-Zertifikat und Schlüssel
  --cors-origins LIST   serve: durch Kommas getrennte Browser-Origins, die die API aufrufen
                        dürfen
  --log-level LEVEL     serve: error, warning, info (Standard: eine Zeile pro Anfrage) oder
                        debug; auch ERYXON_LOG_LEVEL. Das Log geht nach stderr
  --version             die Version ausgeben
  -h, --help            diese Hilfe ausgeben
</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n Zeile</numerusform>
            <numerusform>%n Zeilen</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: </source>
        <translation>Zeile %1: </translation>
    </message>
    <message>
        <source> (value &quot;%1&quot;)</source>
        <translation> (Wert &quot;%1&quot;)</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more rows with errors</source>
        <translation>
            <numerusform>... und %n weitere Zeile mit Fehlern</numerusform>
            <numerusform>... und %n weitere Zeilen mit Fehlern</numerusform>
        </translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>dry run, nothing written</source>
        <translation>Probelauf, nichts geschrieben</translation>
    </message>
    <message>
        <source>nothing imported: fix the rows above or use --skip-bad-rows</source>
        <translation>nichts importiert: die Zeilen oben korrigieren oder --skip-bad-rows verwenden</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows, %2 created, %3 updated, %4 unchanged, %5 failed (%6)</source>
        <translation>
            <numerusform>%1: %n Zeile, %2 angelegt, %3 aktualisiert, %4 unverändert, %5 fehlgeschlagen (%6)</numerusform>
            <numerusform>%1: %n Zeilen, %2 angelegt, %3 aktualisiert, %4 unverändert, %5 fehlgeschlagen (%6)</numerusform>
        </translation>
    </message>
    <message>
        <source>ignored columns: %1</source>
        <translation>ignorierte Spalten: %1</translation>
    </message>
    <message>
        <source>read as %1, columns separated by semicolons</source>
        <translation>gelesen als %1, Spalten durch Semikolons getrennt</translation>
    </message>
    <message>
        <source>read as %1, columns separated by tabs</source>
        <translation>gelesen als %1, Spalten durch Tabulatoren getrennt</translation>
    </message>
    <message>
        <source>read as %1, columns separated by commas</source>
        <translation>gelesen als %1, Spalten durch Kommas getrennt</translation>
    </message>
    <message>
        <source>cannot install signal handlers</source>
        <translation>Signal-Handler können nicht installiert werden</translation>
    </message>
    <message>
        <source>eryxon-server %1 serving %2</source>
        <translation>eryxon-server %1 bedient %2</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT are PAUSED: %1</source>
        <translation>ausgehende Webhooks und MQTT sind PAUSIERT: %1</translation>
    </message>
    <message>
        <source>events wait in the outbox; resume with: %1</source>
        <translation>Ereignisse warten in der Outbox; fortsetzen mit: %1</translation>
    </message>
    <message>
        <source>stopping (draining events)</source>
        <translation>wird beendet (restliche Ereignisse werden abgearbeitet)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>Password for %1 (at least 8 characters): </source>
        <translation>Passwort für %1 (mindestens 8 Zeichen): </translation>
    </message>
    <message>
        <source>Again: </source>
        <translation>Noch einmal: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>die beiden Passwörter sind verschieden</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>kein Befehl angegeben</translation>
    </message>
    <message>
        <source>--db needs a path or URL</source>
        <translation>--db braucht einen Pfad oder eine URL</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>unbekannter Befehl &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--sandbox goes with demo</source>
        <translation>--sandbox gehört zu demo</translation>
    </message>
    <message>
        <source>--integrations takes &quot;off&quot; and goes with serve</source>
        <translation>--integrations nimmt nur &quot;off&quot; und gehört zu serve</translation>
    </message>
    <message>
        <source>--%1 goes with init</source>
        <translation>--%1 gehört zu init</translation>
    </message>
    <message>
        <source>--%1 goes with init or restore</source>
        <translation>--%1 gehört zu init oder restore</translation>
    </message>
    <message>
        <source>--%1 goes with export</source>
        <translation>--%1 gehört zu export</translation>
    </message>
    <message>
        <source>export needs --out FILE</source>
        <translation>export braucht --out FILE</translation>
    </message>
    <message>
        <source>restore needs the export file (JSON or ZIP)</source>
        <translation>restore braucht die Exportdatei (JSON oder ZIP)</translation>
    </message>
    <message>
        <source>cannot read %1: no such file</source>
        <translation>%1 kann nicht gelesen werden: Datei existiert nicht</translation>
    </message>
    <message>
        <source>--password-file goes with --admin</source>
        <translation>--password-file gehört zu --admin</translation>
    </message>
    <message>
        <source>init needs --shop NAME</source>
        <translation>init braucht --shop NAME</translation>
    </message>
    <message>
        <source>init needs --admin USERNAME</source>
        <translation>init braucht --admin USERNAME</translation>
    </message>
    <message>
        <source>settings needs a subcommand: get [KEY] or set KEY VALUE</source>
        <translation>settings braucht einen Unterbefehl: get [KEY] oder set KEY VALUE</translation>
    </message>
    <message>
        <source>settings set needs a KEY and a VALUE</source>
        <translation>settings set braucht einen KEY und einen VALUE</translation>
    </message>
    <message>
        <source>integrations needs a subcommand: status, pause or resume</source>
        <translation>integrations braucht einen Unterbefehl: status, pause oder resume</translation>
    </message>
    <message>
        <source>the folder %1 of --db does not exist; create it first or give another path</source>
        <translation>der Ordner %1 von --db existiert nicht; zuerst anlegen oder einen anderen Pfad angeben</translation>
    </message>
    <message>
        <source>jobs needs a subcommand: list, start, stop, resume or complete</source>
        <translation>jobs braucht einen Unterbefehl: list, start, stop, resume oder complete</translation>
    </message>
    <message>
        <source>unknown jobs subcommand &quot;%1&quot;</source>
        <translation>unbekannter Unterbefehl &quot;%1&quot; von jobs</translation>
    </message>
    <message>
        <source>jobs %1 needs a job number</source>
        <translation>jobs %1 braucht eine Auftragsnummer</translation>
    </message>
    <message>
        <source>keys needs a subcommand: create, list or revoke</source>
        <translation>keys braucht einen Unterbefehl: create, list oder revoke</translation>
    </message>
    <message>
        <source>keys revoke needs a key id</source>
        <translation>keys revoke braucht eine Schlüssel-ID</translation>
    </message>
    <message>
        <source>keys create needs --name</source>
        <translation>keys create braucht --name</translation>
    </message>
    <message>
        <source>--scope must be read, read_write, admin or terminal</source>
        <translation>--scope muss read, read_write, admin oder terminal sein</translation>
    </message>
    <message>
        <source>--%1 goes with mcp-keys create</source>
        <translation>--%1 gehört zu mcp-keys create</translation>
    </message>
    <message>
        <source>mcp-keys needs a subcommand: create, list or revoke</source>
        <translation>mcp-keys braucht einen Unterbefehl: create, list oder revoke</translation>
    </message>
    <message>
        <source>mcp-keys revoke needs a key id</source>
        <translation>mcp-keys revoke braucht eine Schlüssel-ID</translation>
    </message>
    <message>
        <source>mcp-keys create needs --name</source>
        <translation>mcp-keys create braucht --name</translation>
    </message>
    <message>
        <source>--scope goes with keys (an MCP key has allowed tools instead)</source>
        <translation>--scope gehört zu keys (ein MCP-Schlüssel hat stattdessen erlaubte Tools)</translation>
    </message>
    <message>
        <source>--test goes with mcp-keys create</source>
        <translation>--test gehört zu mcp-keys create</translation>
    </message>
    <message>
        <source>--rate-limit needs a number of calls per minute from 1 to 100000</source>
        <translation>--rate-limit braucht eine Anzahl Aufrufe pro Minute von 1 bis 100000</translation>
    </message>
    <message>
        <source>--allowed-tools needs tool names separated by commas, or *</source>
        <translation>--allowed-tools braucht durch Kommas getrennte Tool-Namen oder *</translation>
    </message>
    <message>
        <source>import needs an entity (jobs, parts, operations, cells, resources) and a CSV file</source>
        <translation>import braucht eine Entität (jobs, parts, operations, cells, resources) und eine CSV-Datei</translation>
    </message>
    <message>
        <source>--key goes with mcp-stdio</source>
        <translation>--key gehört zu mcp-stdio</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation>--port braucht eine Zahl von 0 bis 65535</translation>
    </message>
    <message>
        <source>--%1 needs a number of at least 1</source>
        <translation>--%1 braucht eine Zahl von mindestens 1</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert und --tls-key gehören zusammen</translation>
    </message>
    <message>
        <source>%1 has no shop yet; create yours with
  %2
or load the demo shop with
  %3</source>
        <translation>%1 hat noch keinen Betrieb; einen anlegen mit
  %2
oder den Demobetrieb laden mit
  %3</translation>
    </message>
    <message>
        <source>schema version %1 at %2</source>
        <translation>Schemaversion %1 in %2</translation>
    </message>
    <message>
        <source>loading the demo shop failed: %1</source>
        <translation>Laden des Demobetriebs fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>loaded the demo shop &quot;%1&quot; (%n jobs) into %2</source>
        <translation>
            <numerusform>Demobetrieb &quot;%1&quot; (%n Auftrag) in %2 geladen</numerusform>
            <numerusform>Demobetrieb &quot;%1&quot; (%n Aufträge) in %2 geladen</numerusform>
        </translation>
    </message>
    <message>
        <source>the demo shop is already in %1; nothing changed</source>
        <translation>der Demobetrieb ist bereits in %1; nichts geändert</translation>
    </message>
    <message numerus="yes">
        <source>loaded the demo shop into its sandbox twin (%n jobs) for test keys</source>
        <translation>
            <numerusform>Demobetrieb in seinen Sandbox-Zwilling geladen (%n Auftrag), für Testschlüssel</numerusform>
            <numerusform>Demobetrieb in seinen Sandbox-Zwilling geladen (%n Aufträge), für Testschlüssel</numerusform>
        </translation>
    </message>
    <message>
        <source>this database already has a shop (&quot;%1&quot;); use another --db for a new one</source>
        <translation>diese Datenbank hat bereits einen Betrieb (&quot;%1&quot;); für einen neuen eine andere --db verwenden</translation>
    </message>
    <message>
        <source>created the shop &quot;%1&quot; (and its sandbox twin for test keys) with admin %2</source>
        <translation>Betrieb &quot;%1&quot; (samt Sandbox-Zwilling für Testschlüssel) mit Administrator %2 angelegt</translation>
    </message>
    <message numerus="yes">
        <source>created the shop &quot;%1&quot; (and its sandbox twin for test keys) with admin %2 and %n cells</source>
        <translation>
            <numerusform>Betrieb &quot;%1&quot; (samt Sandbox-Zwilling für Testschlüssel) mit Administrator %2 und %n Zelle angelegt</numerusform>
            <numerusform>Betrieb &quot;%1&quot; (samt Sandbox-Zwilling für Testschlüssel) mit Administrator %2 und %n Zellen angelegt</numerusform>
        </translation>
    </message>
    <message>
        <source>next: %1, then %2</source>
        <translation>als Nächstes: %1, dann %2</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT resumed; a running hub sends what waited within a few seconds</source>
        <translation>ausgehende Webhooks und MQTT fortgesetzt; ein laufender Hub sendet das Wartende innerhalb weniger Sekunden</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT are paused: %1 (since %2)</source>
        <translation>ausgehende Webhooks und MQTT sind pausiert: %1 (seit %2)</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT are running</source>
        <translation>ausgehende Webhooks und MQTT laufen</translation>
    </message>
    <message>
        <source>%1 has no shop yet: create yours with eryxon-server init --shop NAME --admin USERNAME, or load the demo with eryxon-server demo</source>
        <translation>%1 hat noch keinen Betrieb: einen anlegen mit eryxon-server init --shop NAME --admin USERNAME oder die Demo laden mit eryxon-server demo</translation>
    </message>
    <message>
        <source>%1 is already %2; nothing changed</source>
        <translation>%1 ist bereits %2; nichts geändert</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>widerrufen</translation>
    </message>
    <message>
        <source>never used</source>
        <translation>nie verwendet</translation>
    </message>
    <message>
        <source>revoked %1 (%2…)</source>
        <translation>%1 (%2…) widerrufen</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n Aufruf</numerusform>
            <numerusform>%n Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>no tenant is named or has the id &quot;%1&quot;</source>
        <translation>kein Betrieb heißt so oder hat die ID &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/Min.</translation>
    </message>
    <message>
        <source>--files-dir needs a folder</source>
        <translation>--files-dir braucht einen Ordner</translation>
    </message>
</context>
</TS>
