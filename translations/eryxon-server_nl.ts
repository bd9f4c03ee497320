<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL">
<context>
    <name>Cli</name>
    <message>
        <source>exported %1/%2 rows</source>
        <translation>%1/%2 rijen geëxporteerd</translation>
    </message>
    <message>
        <source>exported %1 rows of %2 tables to %3 (%4 bytes, %5 ms)</source>
        <translation>%1 rijen uit %2 tabellen geëxporteerd naar %3 (%4 bytes, %5 ms)</translation>
    </message>
    <message>
        <source>restored %1/%2 rows</source>
        <translation>%1/%2 rijen teruggezet</translation>
    </message>
    <message>
        <source>restored %1 rows into tenant %2 at %3 (%4 ms)</source>
        <translation>%1 rijen teruggezet in bedrijf %2 in %3 (%4 ms)</translation>
    </message>
    <message>
        <source>restored %1 attached files (%2 bytes of contents)</source>
        <translation>%1 bijgevoegde bestanden teruggezet (%2 bytes inhoud)</translation>
    </message>
    <message>
        <source>left out %1 attached files: a JSON export lists files without their contents; restore the ZIP export (export --format csv) to bring them</source>
        <translation>%1 bijgevoegde bestanden weggelaten: een JSON-export noemt bestanden zonder hun inhoud; zet de ZIP-export terug (export --format csv) om ze mee te nemen</translation>
    </message>
    <message>
        <source>passwords and PINs are never exported: restore with --admin USERNAME to give an admin a new password</source>
        <translation>wachtwoorden en pincodes worden nooit geëxporteerd: terugzetten met --admin USERNAME geeft een beheerder een nieuw wachtwoord</translation>
    </message>
    <message>
        <source>mcp-stdio needs an MCP key: --key mcp_live_… or ERYXON_MCP_KEY (create one with `%1`)</source>
        <translation>mcp-stdio heeft een MCP-sleutel nodig: --key mcp_live_… of ERYXON_MCP_KEY (maak er een aan met `%1`)</translation>
    </message>
    <message>
        <source>%1 (see eryxon-server --help)</source>
        <translation>%1 (zie eryxon-server --help)</translation>
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
        <translation>Gebruik: eryxon-server &lt;opdracht&gt; [opties]

Opdrachten:
  init --shop NAME --admin USERNAME
                        het bedrijf (met zijn sandbox-tweeling) en de eerste beheerder aanmaken
                        in een lege database; het wachtwoord wordt gevraagd, of gelezen uit
                        --password-file FILE of uit stdin als dat geen terminal is
                        (--admin-name, --enterprise, --site, --area, --timezone,
                        --cells &quot;Laser,Kantbank,Lassen&quot;)
  serve                 de engine laten draaien tot SIGINT/SIGTERM (--integrations off: webhooks
                        en MQTT gepauzeerd)
  demo [--sandbox]      het demobedrijf laden (nogmaals uitvoeren verandert niets); --sandbox
                        laadt het ook in de sandbox-tweeling, voor testsleutels
  migrate               het databaseschema aanmaken of bijwerken
  status                de status van de engine als JSON tonen: schema, outbox, of een hub
                        deze database bedient (adres, uptime), integraties gepauzeerd
  settings get [KEY]    de instellingen van het bedrijf tonen
  settings set KEY VALUE
                        één instelling wijzigen (name, enterprise, site, area, timezone,
                        enforce_wip_limits, allow_loopback_webhooks, rate_limit_per_minute,
                        plan, max_jobs, max_parts_per_month, max_storage_mb; null wist)
  integrations status|pause|resume
                        uitgaande webhooks en MQTT: gepauzeerd op een gekopieerde database tot
                        ze worden hervat
  jobs list             de orders van het bedrijf tonen
  jobs start|stop|resume|complete JOB_NUMBER
                        de status van een order wijzigen
  keys create --name N [--test] [--scope read|read_write|admin|terminal]
                        een API-sleutel aanmaken; toont alleen de sleutel (eenmalig)
  keys list             de API-sleutels van het bedrijf tonen (nooit de sleutels zelf)
  keys revoke ID        een API-sleutel meteen intrekken
  mcp-keys create --name N [--test] [--allowed-tools a,b,...] [--rate-limit PER_MIN]
                  [--description D]
                        een MCP-sleutel aanmaken (standaard: alle tools, 100 aanroepen per
                        minuut); toont alleen de sleutel (eenmalig)
  mcp-keys list         de MCP-sleutels van het bedrijf tonen (nooit de sleutels zelf)
  mcp-keys revoke ID    een MCP-sleutel meteen intrekken, ook voor open MCP-sessies
  mcp-stdio             de MCP-server op stdin/stdout voor AI-desktopclients; de MCP-sleutel
                        komt uit --key of ERYXON_MCP_KEY (docs/mcp.md)
  import ENTITY FILE    een CSV-bestand importeren; ENTITY is jobs, parts, operations, cells
                        of resources (alles of niets; --skip-bad-rows, --dry-run, --source S)
  export --format json|csv --out FILE [--entities jobs,parts,...]
                        de gegevens van het bedrijf naar één JSON-bestand of een ZIP met
                        CSV-bestanden schrijven (geheimen, sleutelhashes, wachtwoorden en
                        pincodes worden nooit geëxporteerd)
  restore FILE          een export in een lege database laden (ook SQLite -&gt; PostgreSQL)
                        of, met --tenant, in een bestaand bedrijf zonder bedrijfsgegevens;
                        --admin USERNAME geeft die gebruiker uit de export een nieuw
                        wachtwoord (wordt gevraagd, of --password-file FILE)

Opties:
  --db PATH|URL         SQLite-bestand of postgresql://user:pass@host:port/db
                        (standaard: de gegevensmap van het platform)
  --files-dir DIR       waar bijgevoegde bestanden worden bewaard (standaard: files/ naast het
                        SQLite-bestand, of in de gegevensmap van het platform bij PostgreSQL)
  --tenant NAME|ID      het bedrijf waarop de opdracht werkt (standaard: het eerste
                        live-bedrijf)
  --bind ADDR           serve: het adres om op te luisteren (standaard 127.0.0.1)
  --port N              serve: de poort van de REST API (standaard 8787)
  --tls-cert FILE, --tls-key FILE
                        serve: HTTPS met dit PEM-certificaat en deze sleutel
  --cors-origins LIST   serve: browser-origins, gescheiden door komma&apos;s, die de API mogen
                        aanroepen
  --log-level LEVEL     serve: error, warning, info (standaard: één regel per verzoek) of debug;
                        ook ERYXON_LOG_LEVEL. Het log gaat naar stderr
  --version             de versie tonen
  -h, --help            deze hulp tonen
</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>kan %1 niet lezen: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n rows</source>
        <translation>
            <numerusform>%n regel</numerusform>
            <numerusform>%n regels</numerusform>
        </translation>
    </message>
    <message>
        <source>line %1: </source>
        <translation>regel %1: </translation>
    </message>
    <message>
        <source> (value &quot;%1&quot;)</source>
        <translation> (waarde &quot;%1&quot;)</translation>
    </message>
    <message numerus="yes">
        <source>... and %n more rows with errors</source>
        <translation>
            <numerusform>... en nog %n regel met fouten</numerusform>
            <numerusform>... en nog %n regels met fouten</numerusform>
        </translation>
    </message>
    <message>
        <source>imported</source>
        <translation>geïmporteerd</translation>
    </message>
    <message>
        <source>dry run, nothing written</source>
        <translation>proefdraai, niets weggeschreven</translation>
    </message>
    <message>
        <source>nothing imported: fix the rows above or use --skip-bad-rows</source>
        <translation>niets geïmporteerd: verbeter de regels hierboven of gebruik --skip-bad-rows</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rows, %2 created, %3 updated, %4 unchanged, %5 failed (%6)</source>
        <translation>
            <numerusform>%1: %n regel, %2 aangemaakt, %3 bijgewerkt, %4 ongewijzigd, %5 mislukt (%6)</numerusform>
            <numerusform>%1: %n regels, %2 aangemaakt, %3 bijgewerkt, %4 ongewijzigd, %5 mislukt (%6)</numerusform>
        </translation>
    </message>
    <message>
        <source>ignored columns: %1</source>
        <translation>genegeerde kolommen: %1</translation>
    </message>
    <message>
        <source>read as %1, columns separated by semicolons</source>
        <translation>gelezen als %1, kolommen gescheiden door puntkomma&apos;s</translation>
    </message>
    <message>
        <source>read as %1, columns separated by tabs</source>
        <translation>gelezen als %1, kolommen gescheiden door tabs</translation>
    </message>
    <message>
        <source>read as %1, columns separated by commas</source>
        <translation>gelezen als %1, kolommen gescheiden door komma&apos;s</translation>
    </message>
    <message>
        <source>cannot install signal handlers</source>
        <translation>kan geen signaalhandlers installeren</translation>
    </message>
    <message>
        <source>eryxon-server %1 serving %2</source>
        <translation>eryxon-server %1 bedient %2</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT are PAUSED: %1</source>
        <translation>uitgaande webhooks en MQTT zijn GEPAUZEERD: %1</translation>
    </message>
    <message>
        <source>events wait in the outbox; resume with: %1</source>
        <translation>gebeurtenissen wachten in de outbox; hervatten met: %1</translation>
    </message>
    <message>
        <source>stopping (draining events)</source>
        <translation>stoppen (resterende gebeurtenissen worden afgehandeld)</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestopt</translation>
    </message>
    <message>
        <source>Password for %1 (at least 8 characters): </source>
        <translation>Wachtwoord voor %1 (minstens 8 tekens): </translation>
    </message>
    <message>
        <source>Again: </source>
        <translation>Nogmaals: </translation>
    </message>
    <message>
        <source>the two passwords differ</source>
        <translation>de twee wachtwoorden verschillen</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>geen opdracht opgegeven</translation>
    </message>
    <message>
        <source>--db needs a path or URL</source>
        <translation>--db heeft een pad of URL nodig</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>onbekende opdracht &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>onverwacht argument &quot;%1&quot;</translation>
    </message>
    <message>
        <source>--sandbox goes with demo</source>
        <translation>--sandbox hoort bij demo</translation>
    </message>
    <message>
        <source>--integrations takes &quot;off&quot; and goes with serve</source>
        <translation>--integrations kent alleen &quot;off&quot; en hoort bij serve</translation>
    </message>
    <message>
        <source>--%1 goes with init</source>
        <translation>--%1 hoort bij init</translation>
    </message>
    <message>
        <source>--%1 goes with init or restore</source>
        <translation>--%1 hoort bij init of restore</translation>
    </message>
    <message>
        <source>--%1 goes with export</source>
        <translation>--%1 hoort bij export</translation>
    </message>
    <message>
        <source>export needs --out FILE</source>
        <translation>export heeft --out FILE nodig</translation>
    </message>
    <message>
        <source>restore needs the export file (JSON or ZIP)</source>
        <translation>restore heeft het exportbestand nodig (JSON of ZIP)</translation>
    </message>
    <message>
        <source>cannot read %1: no such file</source>
        <translation>kan %1 niet lezen: bestand bestaat niet</translation>
    </message>
    <message>
        <source>--password-file goes with --admin</source>
        <translation>--password-file hoort bij --admin</translation>
    </message>
    <message>
        <source>init needs --shop NAME</source>
        <translation>init heeft --shop NAME nodig</translation>
    </message>
    <message>
        <source>init needs --admin USERNAME</source>
        <translation>init heeft --admin USERNAME nodig</translation>
    </message>
    <message>
        <source>settings needs a subcommand: get [KEY] or set KEY VALUE</source>
        <translation>settings heeft een subopdracht nodig: get [KEY] of set KEY VALUE</translation>
    </message>
    <message>
        <source>settings set needs a KEY and a VALUE</source>
        <translation>settings set heeft een KEY en een VALUE nodig</translation>
    </message>
    <message>
        <source>integrations needs a subcommand: status, pause or resume</source>
        <translation>integrations heeft een subopdracht nodig: status, pause of resume</translation>
    </message>
    <message>
        <source>the folder %1 of --db does not exist; create it first or give another path</source>
        <translation>de map %1 van --db bestaat niet; maak hem eerst aan of geef een ander pad op</translation>
    </message>
    <message>
        <source>jobs needs a subcommand: list, start, stop, resume or complete</source>
        <translation>jobs heeft een subopdracht nodig: list, start, stop, resume of complete</translation>
    </message>
    <message>
        <source>unknown jobs subcommand &quot;%1&quot;</source>
        <translation>onbekende subopdracht &quot;%1&quot; van jobs</translation>
    </message>
    <message>
        <source>jobs %1 needs a job number</source>
        <translation>jobs %1 heeft een ordernummer nodig</translation>
    </message>
    <message>
        <source>keys needs a subcommand: create, list or revoke</source>
        <translation>keys heeft een subopdracht nodig: create, list of revoke</translation>
    </message>
    <message>
        <source>keys revoke needs a key id</source>
        <translation>keys revoke heeft een sleutel-ID nodig</translation>
    </message>
    <message>
        <source>keys create needs --name</source>
        <translation>keys create heeft --name nodig</translation>
    </message>
    <message>
        <source>--scope must be read, read_write, admin or terminal</source>
        <translation>--scope moet read, read_write, admin of terminal zijn</translation>
    </message>
    <message>
        <source>--%1 goes with mcp-keys create</source>
        <translation>--%1 hoort bij mcp-keys create</translation>
    </message>
    <message>
        <source>mcp-keys needs a subcommand: create, list or revoke</source>
        <translation>mcp-keys heeft een subopdracht nodig: create, list of revoke</translation>
    </message>
    <message>
        <source>mcp-keys revoke needs a key id</source>
        <translation>mcp-keys revoke heeft een sleutel-ID nodig</translation>
    </message>
    <message>
        <source>mcp-keys create needs --name</source>
        <translation>mcp-keys create heeft --name nodig</translation>
    </message>
    <message>
        <source>--scope goes with keys (an MCP key has allowed tools instead)</source>
        <translation>--scope hoort bij keys (een MCP-sleutel heeft in plaats daarvan toegestane tools)</translation>
    </message>
    <message>
        <source>--test goes with mcp-keys create</source>
        <translation>--test hoort bij mcp-keys create</translation>
    </message>
    <message>
        <source>--rate-limit needs a number of calls per minute from 1 to 100000</source>
        <translation>--rate-limit heeft een aantal aanroepen per minuut van 1 tot 100000 nodig</translation>
    </message>
    <message>
        <source>--allowed-tools needs tool names separated by commas, or *</source>
        <translation>--allowed-tools heeft toolnamen nodig, gescheiden door komma&apos;s, of *</translation>
    </message>
    <message>
        <source>import needs an entity (jobs, parts, operations, cells, resources) and a CSV file</source>
        <translation>import heeft een entiteit (jobs, parts, operations, cells, resources) en een CSV-bestand nodig</translation>
    </message>
    <message>
        <source>--key goes with mcp-stdio</source>
        <translation>--key hoort bij mcp-stdio</translation>
    </message>
    <message>
        <source>--port needs a number from 0 to 65535</source>
        <translation>--port heeft een getal van 0 tot 65535 nodig</translation>
    </message>
    <message>
        <source>--%1 needs a number of at least 1</source>
        <translation>--%1 heeft een getal van minstens 1 nodig</translation>
    </message>
    <message>
        <source>--tls-cert and --tls-key go together</source>
        <translation>--tls-cert en --tls-key horen bij elkaar</translation>
    </message>
    <message>
        <source>%1 has no shop yet; create yours with
  %2
or load the demo shop with
  %3</source>
        <translation>%1 heeft nog geen bedrijf; maak er een aan met
  %2
of laad het demobedrijf met
  %3</translation>
    </message>
    <message>
        <source>schema version %1 at %2</source>
        <translation>schemaversie %1 in %2</translation>
    </message>
    <message>
        <source>loading the demo shop failed: %1</source>
        <translation>laden van het demobedrijf mislukt: %1</translation>
    </message>
    <message numerus="yes">
        <source>loaded the demo shop &quot;%1&quot; (%n jobs) into %2</source>
        <translation>
            <numerusform>demobedrijf &quot;%1&quot; (%n order) geladen in %2</numerusform>
            <numerusform>demobedrijf &quot;%1&quot; (%n orders) geladen in %2</numerusform>
        </translation>
    </message>
    <message>
        <source>the demo shop is already in %1; nothing changed</source>
        <translation>het demobedrijf staat al in %1; niets gewijzigd</translation>
    </message>
    <message numerus="yes">
        <source>loaded the demo shop into its sandbox twin (%n jobs) for test keys</source>
        <translation>
            <numerusform>demobedrijf in zijn sandbox-tweeling geladen (%n order) voor testsleutels</numerusform>
            <numerusform>demobedrijf in zijn sandbox-tweeling geladen (%n orders) voor testsleutels</numerusform>
        </translation>
    </message>
    <message>
        <source>this database already has a shop (&quot;%1&quot;); use another --db for a new one</source>
        <translation>deze database heeft al een bedrijf (&quot;%1&quot;); gebruik een andere --db voor een nieuw bedrijf</translation>
    </message>
    <message>
        <source>created the shop &quot;%1&quot; (and its sandbox twin for test keys) with admin %2</source>
        <translation>bedrijf &quot;%1&quot; (plus sandbox-tweeling voor testsleutels) aangemaakt met beheerder %2</translation>
    </message>
    <message numerus="yes">
        <source>created the shop &quot;%1&quot; (and its sandbox twin for test keys) with admin %2 and %n cells</source>
        <translation>
            <numerusform>bedrijf &quot;%1&quot; (plus sandbox-tweeling voor testsleutels) aangemaakt met beheerder %2 en %n cel</numerusform>
            <numerusform>bedrijf &quot;%1&quot; (plus sandbox-tweeling voor testsleutels) aangemaakt met beheerder %2 en %n cellen</numerusform>
        </translation>
    </message>
    <message>
        <source>next: %1, then %2</source>
        <translation>volgende stap: %1, daarna %2</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT resumed; a running hub sends what waited within a few seconds</source>
        <translation>uitgaande webhooks en MQTT hervat; een draaiende hub verstuurt binnen enkele seconden wat er wachtte</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT are paused: %1 (since %2)</source>
        <translation>uitgaande webhooks en MQTT zijn gepauzeerd: %1 (sinds %2)</translation>
    </message>
    <message>
        <source>outgoing webhooks and MQTT are running</source>
        <translation>uitgaande webhooks en MQTT zijn actief</translation>
    </message>
    <message>
        <source>%1 has no shop yet: create yours with eryxon-server init --shop NAME --admin USERNAME, or load the demo with eryxon-server demo</source>
        <translation>%1 heeft nog geen bedrijf: maak er een aan met eryxon-server init --shop NAME --admin USERNAME, of laad de demo met eryxon-server demo</translation>
    </message>
    <message>
        <source>%1 is already %2; nothing changed</source>
        <translation>%1 is al %2; niets gewijzigd</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>ingetrokken</translation>
    </message>
    <message>
        <source>never used</source>
        <translation>nooit gebruikt</translation>
    </message>
    <message>
        <source>revoked %1 (%2…)</source>
        <translation>%1 (%2…) ingetrokken</translation>
    </message>
    <message>
        <source>enabled</source>
        <translation>ingeschakeld</translation>
    </message>
    <message numerus="yes">
        <source>%n calls</source>
        <translation>
            <numerusform>%n aanroep</numerusform>
            <numerusform>%n aanroepen</numerusform>
        </translation>
    </message>
    <message>
        <source>no tenant is named or has the id &quot;%1&quot;</source>
        <translation>geen bedrijf heet zo of heeft de id &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>--files-dir needs a folder</source>
        <translation>--files-dir heeft een map nodig</translation>
    </message>
</context>
</TS>
