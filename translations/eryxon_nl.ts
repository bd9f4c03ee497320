<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>ery::InProcessClient</name>
    <message>
        <source>this workstation</source>
        <translation>deze werkplek</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kan niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kan niet worden geschreven: %2</translation>
    </message>
    <message>
        <source>The stored file cannot be read.</source>
        <translation>Het opgeslagen bestand kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The engine is closed</source>
        <translation>De engine is gesloten</translation>
    </message>
    <message>
        <source>The engine is not running</source>
        <translation>De engine draait niet</translation>
    </message>
</context>
<context>
    <name>ery::client::ActionJournal</name>
    <message>
        <source>The terminal could not write its journal %1: %2</source>
        <translation>De terminal kon zijn journaal %1 niet schrijven: %2</translation>
    </message>
    <message>
        <source>The terminal could not read its journal %1: %2</source>
        <translation>De terminal kon zijn journaal %1 niet lezen: %2</translation>
    </message>
</context>
<context>
    <name>ery::client::RemoteClient</name>
    <message>
        <source>nothing answers at that address (is the hub running?)</source>
        <translation>niets antwoordt op dat adres (draait de hub?)</translation>
    </message>
    <message>
        <source>no computer of that name is found on the network</source>
        <translation>er is geen computer met die naam op het netwerk gevonden</translation>
    </message>
    <message>
        <source>it closed the connection before answering</source>
        <translation>hij verbrak de verbinding voordat hij antwoordde</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>de verbinding duurde te lang</translation>
    </message>
    <message>
        <source>this workstation is not on the network</source>
        <translation>dit werkstation is niet met het netwerk verbonden</translation>
    </message>
    <message>
        <source>hub at %1</source>
        <translation>hub op %1</translation>
    </message>
    <message>
        <source>hub at %1:%2</source>
        <translation>hub op %1:%2</translation>
    </message>
    <message>
        <source>No hub address is given: write it as http://HOST:PORT or https://HOST:PORT.</source>
        <translation>Er is geen adres van de hub opgegeven: schrijf het als http://HOST:PORT of https://HOST:PORT.</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; must start with http:// or https://, as in https://10.0.0.5:8787.</source>
        <translation>Het adres van de hub &quot;%1&quot; moet beginnen met http:// of https://, zoals https://10.0.0.5:8787.</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; names no computer: write it as http://HOST:PORT.</source>
        <translation>Het adres van de hub &quot;%1&quot; noemt geen computer: schrijf het als http://HOST:PORT.</translation>
    </message>
    <message>
        <source>The hub address &quot;%1&quot; must be only http(s)://HOST:PORT, without a path or a name and password.</source>
        <translation>Het adres van de hub &quot;%1&quot; mag alleen http(s)://HOST:PORT zijn, zonder pad of naam en wachtwoord.</translation>
    </message>
    <message>
        <source>The certificate fingerprint must be the 64 hexadecimal digits of its SHA-256 (colons allowed), as in AB:CD:12:….</source>
        <translation>De vingerafdruk van het certificaat moet de 64 hexadecimale cijfers van de SHA-256 zijn (dubbele punten mogen), zoals AB:CD:12:….</translation>
    </message>
    <message>
        <source>The hub presented certificate SHA-256 %1, which is not the certificate pinned for it (%2). If the hub&apos;s certificate was replaced, pin the new one in Settings.</source>
        <translation>De hub toonde het certificaat SHA-256 %1; dat is niet het certificaat dat ervoor is vastgezet (%2). Is het certificaat van de hub vervangen, zet dan het nieuwe vast in Instellingen.</translation>
    </message>
    <message>
        <source>The hub presented certificate SHA-256 %1, which this workstation does not trust. If that is your hub&apos;s certificate, pin it in Settings.</source>
        <translation>De hub toonde het certificaat SHA-256 %1, dat dit werkstation niet vertrouwt. Is dat het certificaat van uw hub, zet het dan vast in Instellingen.</translation>
    </message>
    <message>
        <source>The hub at %1:%2 does not answer: %3</source>
        <translation>De hub op %1:%2 antwoordt niet: %3</translation>
    </message>
    <message>
        <source>The hub&apos;s answer is larger than %1 MB, more than this workstation accepts; nothing was read.</source>
        <translation>Het antwoord van de hub is groter dan %1 MB, meer dan dit werkstation aanneemt; er is niets gelezen.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Geannuleerd.</translation>
    </message>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>geen antwoord binnen %n seconde</numerusform>
            <numerusform>geen antwoord binnen %n seconden</numerusform>
        </translation>
    </message>
    <message>
        <source>The hub&apos;s answer is larger than this workstation accepts.</source>
        <translation>Het antwoord van de hub is groter dan dit werkstation aanneemt.</translation>
    </message>
    <message>
        <source>The hub at %1:%2 refused a secure connection: %3</source>
        <translation>De hub op %1:%2 weigerde een beveiligde verbinding: %3</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kan niet worden gelezen: %2</translation>
    </message>
    <message>
        <source>%1 cannot be written: %2</source>
        <translation>%1 kan niet worden geschreven: %2</translation>
    </message>
</context>
<context>
    <name>ery::ui::ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Who changed what in this shop, and when — from this desktop, the floor, the API and imports.</source>
        <translation>Wie wat heeft gewijzigd in dit bedrijf, en wanneer — vanaf deze desktop, de werkvloer, de API en imports.</translation>
    </message>
    <message>
        <source>Search descriptions and names…</source>
        <translation>Zoek in beschrijvingen en namen…</translation>
    </message>
    <message>
        <source>Search activity</source>
        <translation>Activiteit doorzoeken</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Soort record</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Alle records</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Bewerkingen</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>NCRs</source>
        <translation>NCR&apos;s</translation>
    </message>
    <message>
        <source>Time entries</source>
        <translation>Tijdregistraties</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellen</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Batches</source>
        <translation>Batches</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-sleutels</translation>
    </message>
    <message>
        <source>MCP keys</source>
        <translation>MCP-sleutels</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>MQTT publishers</source>
        <translation>MQTT-publishers</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>Imports</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Vandaag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Laatste 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Laatste 30 dagen</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Altijd</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>The hub</source>
        <translation>De hub</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Show older entries</source>
        <translation>Oudere regels tonen</translation>
    </message>
    <message>
        <source>Changes of the selected entry</source>
        <translation>Wijzigingen van de gekozen regel</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>Kies een regel om te zien wat er gewijzigd is.</translation>
    </message>
    <message>
        <source>The activity could not be read: %1</source>
        <translation>De activiteit kon niet worden gelezen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>%n regel</numerusform>
            <numerusform>%n regels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the newest %1 of %n entries</source>
        <translation>
            <numerusform>de nieuwste %1 van %n regel</numerusform>
            <numerusform>de nieuwste %1 van %n regels</numerusform>
        </translation>
    </message>
    <message>
        <source>Record: %1 (%2)</source>
        <translation>Record: %1 (%2)</translation>
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
        <translation>aanmaken</translation>
    </message>
    <message>
        <source>update</source>
        <comment>activity action</comment>
        <translation>wijzigen</translation>
    </message>
    <message>
        <source>delete</source>
        <comment>activity action</comment>
        <translation>verwijderen</translation>
    </message>
    <message>
        <source>start</source>
        <comment>activity action</comment>
        <translation>starten</translation>
    </message>
    <message>
        <source>pause</source>
        <comment>activity action</comment>
        <translation>pauzeren</translation>
    </message>
    <message>
        <source>resume</source>
        <comment>activity action</comment>
        <translation>hervatten</translation>
    </message>
    <message>
        <source>complete</source>
        <comment>activity action</comment>
        <translation>afronden</translation>
    </message>
    <message>
        <source>approve</source>
        <comment>activity action</comment>
        <translation>goedkeuren</translation>
    </message>
    <message>
        <source>reject</source>
        <comment>activity action</comment>
        <translation>afwijzen</translation>
    </message>
    <message>
        <source>close</source>
        <comment>activity action</comment>
        <translation>sluiten</translation>
    </message>
    <message>
        <source>verify</source>
        <comment>activity action</comment>
        <translation>verifiëren</translation>
    </message>
    <message>
        <source>revoke</source>
        <comment>activity action</comment>
        <translation>intrekken</translation>
    </message>
    <message>
        <source>rotate secret</source>
        <comment>activity action</comment>
        <translation>geheim vernieuwen</translation>
    </message>
    <message>
        <source>reset PIN</source>
        <comment>activity action</comment>
        <translation>pincode resetten</translation>
    </message>
    <message>
        <source>unlock</source>
        <comment>activity action</comment>
        <translation>deblokkeren</translation>
    </message>
    <message>
        <source>login</source>
        <comment>activity action</comment>
        <translation>aanmelding</translation>
    </message>
    <message>
        <source>import</source>
        <comment>activity action</comment>
        <translation>importeren</translation>
    </message>
    <message>
        <source>force stop</source>
        <comment>activity action</comment>
        <translation>geforceerd stoppen</translation>
    </message>
    <message>
        <source>force stop all</source>
        <comment>activity action</comment>
        <translation>alles geforceerd stoppen</translation>
    </message>
    <message>
        <source>job</source>
        <comment>kind of record</comment>
        <translation>order</translation>
    </message>
    <message>
        <source>part</source>
        <comment>kind of record</comment>
        <translation>onderdeel</translation>
    </message>
    <message>
        <source>operation</source>
        <comment>kind of record</comment>
        <translation>bewerking</translation>
    </message>
    <message>
        <source>issue</source>
        <comment>kind of record</comment>
        <translation>melding</translation>
    </message>
    <message>
        <source>ncr</source>
        <comment>kind of record</comment>
        <translation>NCR</translation>
    </message>
    <message>
        <source>time entry</source>
        <comment>kind of record</comment>
        <translation>tijdregistratie</translation>
    </message>
    <message>
        <source>cell</source>
        <comment>kind of record</comment>
        <translation>cel</translation>
    </message>
    <message>
        <source>operator</source>
        <comment>kind of record</comment>
        <translation>operator</translation>
    </message>
    <message>
        <source>resource</source>
        <comment>kind of record</comment>
        <translation>middel</translation>
    </message>
    <message>
        <source>scrap reason</source>
        <comment>kind of record</comment>
        <translation>afkeurreden</translation>
    </message>
    <message>
        <source>batch</source>
        <comment>kind of record</comment>
        <translation>batch</translation>
    </message>
    <message>
        <source>api key</source>
        <comment>kind of record</comment>
        <translation>API-sleutel</translation>
    </message>
    <message>
        <source>mcp key</source>
        <comment>kind of record</comment>
        <translation>MCP-sleutel</translation>
    </message>
    <message>
        <source>webhook</source>
        <comment>kind of record</comment>
        <translation>webhook</translation>
    </message>
    <message>
        <source>mqtt publisher</source>
        <comment>kind of record</comment>
        <translation>MQTT-publisher</translation>
    </message>
    <message>
        <source>settings</source>
        <comment>kind of record</comment>
        <translation>instellingen</translation>
    </message>
    <message>
        <source>import</source>
        <comment>kind of record</comment>
        <translation>import</translation>
    </message>
    <message>
        <source>user</source>
        <comment>kind of record</comment>
        <translation>gebruiker</translation>
    </message>
    <message>
        <source>tenant</source>
        <comment>kind of record</comment>
        <translation>bedrijf</translation>
    </message>
</context>
<context>
    <name>ery::ui::ApiKeysTab</name>
    <message>
        <source>Read only</source>
        <translation>Alleen lezen</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Beheerder</translation>
    </message>
    <message>
        <source>Read and write</source>
        <translation>Lezen en schrijven</translation>
    </message>
    <message>
        <source>Test (sandbox)</source>
        <translation>Test (sandbox)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>&amp;New API key…</source>
        <translation>&amp;Nieuwe API-sleutel…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Intrekken…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>%1…%2</source>
        <translation>%1…%2</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Rechten</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Revoked %1</source>
        <translation>Ingetrokken %1</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Laatst gebruikt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-sleutels</translation>
    </message>
    <message>
        <source>No API keys yet. Create one for each system that connects to this shop (an ERP, a PLC gateway, a script), so each can be revoked alone.</source>
        <translation>Nog geen API-sleutels. Maak er een voor elk systeem dat met dit bedrijf verbindt (een ERP, een PLC-gateway, een script), zodat elk apart kan worden ingetrokken.</translation>
    </message>
    <message>
        <source>New API key</source>
        <translation>Nieuwe API-sleutel</translation>
    </message>
    <message>
        <source>Create a key for a program that uses the REST API (an ERP, a script)</source>
        <translation>Maak een sleutel voor een programma dat de REST API gebruikt (een ERP, een script)</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>API-sleutel intrekken</translation>
    </message>
    <message>
        <source>Stop the selected key from working, at once</source>
        <translation>De gekozen sleutel meteen laten stoppen met werken</translation>
    </message>
    <message>
        <source>Could not load the API keys: %1</source>
        <translation>De API-sleutels konden niet worden geladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation>
            <numerusform>%n actieve sleutel</numerusform>
            <numerusform>%n actieve sleutels</numerusform>
        </translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Sleutel aanmaken</translation>
    </message>
    <message>
        <source>What uses it, e.g. ERP or Label printer</source>
        <translation>Wat het gebruikt, bijv. ERP of labelprinter</translation>
    </message>
    <message>
        <source>Admin (also manages keys)</source>
        <translation>Beheerder (beheert ook sleutels)</translation>
    </message>
    <message>
        <source>Live: the shop&apos;s own data</source>
        <translation>Live: de eigen gegevens van het bedrijf</translation>
    </message>
    <message>
        <source>Test: the sandbox copy, for trying things out</source>
        <translation>Test: de sandbox-kopie, om dingen uit te proberen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Naam van de sleutel</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Rechten:</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Omgeving:</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-sleutel aangemaakt</translation>
    </message>
    <message>
        <source>The API key “%1” was created. Give it to the program with the header Authorization: Bearer &lt;key&gt;.</source>
        <translation>De API-sleutel “%1” is aangemaakt. Geef hem aan het programma met de header Authorization: Bearer &lt;key&gt;.</translation>
    </message>
    <message>
        <source>Copy the key now and keep it somewhere safe: it is shown only this once and cannot be retrieved again. If it is lost, revoke it and create a new one.</source>
        <translation>Kopieer de sleutel nu en bewaar hem veilig: hij wordt alleen deze ene keer getoond en kan niet opnieuw worden opgevraagd. Raakt hij kwijt, trek hem dan in en maak een nieuwe.</translation>
    </message>
    <message>
        <source>Revoke the API key “%1” (%2…%3)?</source>
        <translation>De API-sleutel “%1” (%2…%3) intrekken?</translation>
    </message>
    <message>
        <source>Every program using this key is refused from its next request. A revoked key cannot be turned back on; the program will need a new key.</source>
        <translation>Elk programma dat deze sleutel gebruikt, wordt vanaf zijn volgende verzoek geweigerd. Een ingetrokken sleutel kan niet weer aan; het programma heeft dan een nieuwe sleutel nodig.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 intrekken</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Sleutel niet ingetrokken</translation>
    </message>
    <message>
        <source>The API key “%1” could not be revoked.</source>
        <translation>De API-sleutel “%1” kon niet worden ingetrokken.</translation>
    </message>
    <message>
        <source>Floor terminal</source>
        <translation>Werkvloerterminal</translation>
    </message>
    <message>
        <source>Floor terminal (only signs operators in with their PIN)</source>
        <translation>Werkvloerterminal (meldt alleen operators aan met hun pincode)</translation>
    </message>
</context>
<context>
    <name>ery::ui::CameraDialog</name>
    <message>
        <source>Take a photo</source>
        <translation>Foto maken</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Foto maken</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>No camera is connected to this terminal.</source>
        <translation>Er is geen camera op deze terminal aangesloten.</translation>
    </message>
    <message>
        <source>The camera cannot be used: %1</source>
        <translation>De camera kan niet worden gebruikt: %1</translation>
    </message>
    <message>
        <source>The photo could not be taken: %1</source>
        <translation>De foto kon niet worden gemaakt: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::CellsOperatorsPage</name>
    <message>
        <source>Cells &amp; operators</source>
        <translation>Cellen &amp; operators</translation>
    </message>
    <message>
        <source>The cells work flows through, the people who sign in at the terminals, and the machines and tools they use.</source>
        <translation>De cellen waar het werk doorheen gaat, de mensen die zich aanmelden op de terminals, en de machines en gereedschappen die ze gebruiken.</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellen</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Middelen</translation>
    </message>
</context>
<context>
    <name>ery::ui::CellsTab</name>
    <message>
        <source>None</source>
        <translation>Geen</translation>
    </message>
    <message>
        <source>%1, enforced</source>
        <translation>%1, afgedwongen</translation>
    </message>
    <message>
        <source>%1, a warning</source>
        <translation>%1, een waarschuwing</translation>
    </message>
    <message>
        <source>&amp;New cell…</source>
        <translation>&amp;Nieuwe cel…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactiveren</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cel</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Volgorde</translation>
    </message>
    <message>
        <source>WIP limit</source>
        <translation>OHW-limiet</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capaciteit</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In gebruik</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No, deactivated</source>
        <translation>Nee, gedeactiveerd</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellen</translation>
    </message>
    <message>
        <source>The cell was not changed: %1</source>
        <translation>De cel is niet gewijzigd: %1</translation>
    </message>
    <message>
        <source>Could not load the cells: %1</source>
        <translation>De cellen konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>No cells yet. Add the places work is done, in the order parts pass them.</source>
        <translation>Nog geen cellen. Voeg de plekken toe waar het werk gebeurt, in de volgorde waarin onderdelen ze passeren.</translation>
    </message>
    <message>
        <source>%1 cells</source>
        <translation>%1 cellen</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
    <message>
        <source>Edit cell %1</source>
        <translation>Cel %1 wijzigen</translation>
    </message>
    <message>
        <source>New cell</source>
        <translation>Nieuwe cel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Create cell</source>
        <translation>Cel aanmaken</translation>
    </message>
    <message>
        <source>e.g. Laser cutting</source>
        <translation>bijv. Lasersnijden</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Geen limiet</translation>
    </message>
    <message>
        <source>Refuse work beyond the limit (otherwise it is a warning)</source>
        <translation>Werk boven de limiet weigeren (anders is het een waarschuwing)</translation>
    </message>
    <message>
        <source> h a day</source>
        <translation> u per dag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Cell name</source>
        <translation>Naam van de cel</translation>
    </message>
    <message>
        <source>Order on the routing</source>
        <translation>Volgorde in de routing</translation>
    </message>
    <message>
        <source>WIP limit (jobs)</source>
        <translation>OHW-limiet (orders)</translation>
    </message>
    <message>
        <source>Enforce the WIP limit</source>
        <translation>De OHW-limiet afdwingen</translation>
    </message>
    <message>
        <source>Capacity in hours a day</source>
        <translation>Capaciteit in uren per dag</translation>
    </message>
    <message>
        <source>%1 a day</source>
        <translation>%1 per dag</translation>
    </message>
</context>
<context>
    <name>ery::ui::CreateShopDialog</name>
    <message>
        <source>Create my shop</source>
        <translation>Mijn bedrijf aanmaken</translation>
    </message>
    <message>
        <source>e.g. Van der Berg Metaal</source>
        <translation>bijv. Van der Berg Metaal</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>bijv. admin</translation>
    </message>
    <message>
        <source>at least 8 characters</source>
        <translation>minstens 8 tekens</translation>
    </message>
    <message>
        <source>Laser, Press brake, Weld</source>
        <translation>Laser, Kantbank, Lassen</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Naam van het bedrijf</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Gebruikersnaam beheerder</translation>
    </message>
    <message>
        <source>Admin full name</source>
        <translation>Volledige naam beheerder</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Wachtwoord nogmaals</translation>
    </message>
    <message>
        <source>Enterprise (MQTT)</source>
        <translation>Onderneming (MQTT)</translation>
    </message>
    <message>
        <source>Site (MQTT)</source>
        <translation>Locatie (MQTT)</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Tijdzone</translation>
    </message>
    <message>
        <source>Starter cells</source>
        <translation>Eerste cellen</translation>
    </message>
    <message>
        <source>Your shop gets a sandbox twin for test API keys. You sign in as its first admin.</source>
        <translation>Uw bedrijf krijgt een sandbox-tweeling voor test-API-sleutels. U meldt zich aan als de eerste beheerder.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De twee wachtwoorden verschillen.</translation>
    </message>
    <message>
        <source>The shop was created, but signing in failed: %1</source>
        <translation>Het bedrijf is aangemaakt, maar aanmelden is mislukt: %1</translation>
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
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>Refresh the dashboard</source>
        <translation>Het dashboard vernieuwen</translation>
    </message>
    <message>
        <source>The dashboard follows every change by itself; this reads all figures again now.</source>
        <translation>Het dashboard volgt elke wijziging vanzelf; dit leest alle cijfers nu opnieuw.</translation>
    </message>
    <message>
        <source>Active workers</source>
        <translation>Actieve medewerkers</translation>
    </message>
    <message>
        <source>Workers with a running time entry</source>
        <translation>Medewerkers met een lopende tijdregistratie</translation>
    </message>
    <message>
        <source>Pending issues</source>
        <translation>Open meldingen</translation>
    </message>
    <message>
        <source>Issues waiting for review</source>
        <translation>Meldingen die wachten op beoordeling</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>Operations in progress</source>
        <translation>Bewerkingen die bezig zijn</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Deze week te leveren</translation>
    </message>
    <message>
        <source>Open jobs due within 7 days</source>
        <translation>Open orders met leverdatum binnen 7 dagen</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Open jobs past their due date</source>
        <translation>Open orders over hun leverdatum</translation>
    </message>
    <message>
        <source>Completed today</source>
        <translation>Vandaag klaar</translation>
    </message>
    <message>
        <source>Operations completed since midnight</source>
        <translation>Bewerkingen afgerond sinds middernacht</translation>
    </message>
    <message>
        <source>Operations completed per day (last %1 days)</source>
        <translation>Afgeronde bewerkingen per dag (laatste %1 dagen)</translation>
    </message>
    <message>
        <source>WIP per cell against its limit</source>
        <translation>OHW per cel tegenover de limiet</translation>
    </message>
    <message>
        <source>Scrap by reason (last %1 days)</source>
        <translation>Afkeur per reden (laatste %1 dagen)</translation>
    </message>
    <message>
        <source>Yield per day (last %1 days)</source>
        <translation>Opbrengst per dag (laatste %1 dagen)</translation>
    </message>
    <message>
        <source>Issues by severity (last %1 days)</source>
        <translation>Meldingen per ernst (laatste %1 dagen)</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Vraagt aandacht</translation>
    </message>
    <message>
        <source>Jobs in progress</source>
        <translation>Orders in bewerking</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Sign in to see the shop&apos;s figures.</source>
        <translation>Meld u aan om de cijfers van het bedrijf te zien.</translation>
    </message>
    <message>
        <source>The dashboard could not be read: %1 Check that the hub is running, then press Refresh.</source>
        <translation>Het dashboard kon niet worden gelezen: %1 Controleer of de hub draait en druk dan op Vernieuwen.</translation>
    </message>
    <message>
        <source>Live · updated %1</source>
        <translation>Live · bijgewerkt %1</translation>
    </message>
    <message>
        <source>Operations completed</source>
        <translation>Afgeronde bewerkingen</translation>
    </message>
    <message>
        <source>No operations were completed in the last %1 days.</source>
        <translation>In de laatste %1 dagen zijn geen bewerkingen afgerond.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>No active cells. Add cells to see their work in progress.</source>
        <translation>Geen actieve cellen. Voeg cellen toe om hun onderhanden werk te zien.</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Waarschuwing</translation>
    </message>
    <message>
        <source>At capacity</source>
        <translation>Op capaciteit</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Geen limiet</translation>
    </message>
    <message>
        <source>Free to the limit</source>
        <translation>Vrij tot de limiet</translation>
    </message>
    <message>
        <source>%1 (%2 of %3)</source>
        <translation>%1 (%2 van %3)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No scrap was reported in the last %1 days.</source>
        <translation>In de laatste %1 dagen is geen afkeur gemeld.</translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Afgekeurd</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>Cumulatief %</translation>
    </message>
    <message>
        <source>No reason</source>
        <translation>Geen reden</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>Yield</source>
        <translation>Opbrengst</translation>
    </message>
    <message>
        <source>No production was reported in the last %1 days.</source>
        <translation>In de laatste %1 dagen is geen productie gemeld.</translation>
    </message>
    <message>
        <source>%1 good of %2 produced: %3</source>
        <translation>%1 goed van %2 geproduceerd: %3</translation>
    </message>
    <message>
        <source>No issues were reported in the last %1 days.</source>
        <translation>In de laatste %1 dagen zijn geen meldingen gedaan.</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Approved or closed</source>
        <translation>Goedgekeurd of gesloten</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 en nog %2</translation>
    </message>
    <message numerus="yes">
        <source>%n bullet card part(s) not finished</source>
        <translation>
            <numerusform>%n spoedonderdeel niet klaar</numerusform>
            <numerusform>%n spoedonderdelen niet klaar</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs: %1</source>
        <translation>Orders: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) on hold</source>
        <translation>
            <numerusform>%n bewerking gepauzeerd</numerusform>
            <numerusform>%n bewerkingen gepauzeerd</numerusform>
        </translation>
    </message>
    <message>
        <source>Jobs on hold: %1</source>
        <translation>Gepauzeerde orders: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s) over their estimated time</source>
        <translation>
            <numerusform>%n bewerking over de geschatte tijd</numerusform>
            <numerusform>%n bewerkingen over de geschatte tijd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) past their due date</source>
        <translation>
            <numerusform>%n order over de leverdatum</numerusform>
            <numerusform>%n orders over de leverdatum</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing needs attention: no bullet cards, nothing on hold, nothing over its estimate or overdue.</source>
        <translation>Niets vraagt aandacht: geen spoed, niets gepauzeerd, niets over de schatting of te laat.</translation>
    </message>
    <message>
        <source>No job is in progress. Start an operation to see its job here.</source>
        <translation>Er is geen order in bewerking. Start een bewerking om de order hier te zien.</translation>
    </message>
    <message>
        <source>%1 of %2 operations</source>
        <translation>%1 van %2 bewerkingen</translation>
    </message>
    <message>
        <source>Progress of job %1</source>
        <translation>Voortgang van order %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>leverdatum %1</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more job(s) in progress (see Jobs)</source>
        <translation>
            <numerusform>…en nog %n order in bewerking (zie Orders)</numerusform>
            <numerusform>…en nog %n orders in bewerking (zie Orders)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::DataPage</name>
    <message>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Bring jobs, parts and routings in from spreadsheets, take the whole shop out, and see what your ERP sent.</source>
        <translation>Haal orders, onderdelen en routings binnen uit spreadsheets, neem het hele bedrijf mee naar buiten, en zie wat uw ERP stuurde.</translation>
    </message>
    <message>
        <source>Import CSV</source>
        <translation>CSV importeren</translation>
    </message>
    <message>
        <source>Export and restore</source>
        <translation>Exporteren en terugzetten</translation>
    </message>
    <message>
        <source>Sync history</source>
        <translation>Synchronisatiegeschiedenis</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Cancel the import, export or restore</source>
        <translation>De import, export of terugzetting annuleren</translation>
    </message>
    <message>
        <source>Stop it: nothing of it is written</source>
        <translation>Stoppen: er wordt niets van weggeschreven</translation>
    </message>
    <message>
        <source>What to import</source>
        <translation>Wat importeren</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Bewerkingen</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellen</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Middelen</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Bestand kiezen…</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>Sjabloon opslaan…</translation>
    </message>
    <message>
        <source>A CSV file with the columns this import reads and an example row</source>
        <translation>Een CSV-bestand met de kolommen die deze import leest en een voorbeeldregel</translation>
    </message>
    <message>
        <source>Columns of the file and the fields they fill</source>
        <translation>Kolommen van het bestand en de velden die ze vullen</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolom in het bestand</translation>
    </message>
    <message>
        <source>First row</source>
        <translation>Eerste regel</translation>
    </message>
    <message>
        <source>Fills the field</source>
        <translation>Vult het veld</translation>
    </message>
    <message>
        <source>Choose a CSV file, or start from the template: each of its columns is listed here with its first value and the field it fills, which you can change.</source>
        <translation>Kies een CSV-bestand, of begin met het sjabloon: elke kolom staat hier met zijn eerste waarde en het veld dat hij vult, dat u kunt wijzigen.</translation>
    </message>
    <message>
        <source>Where the file comes from</source>
        <translation>Waar het bestand vandaan komt</translation>
    </message>
    <message>
        <source>Rows are matched on their external id within this source, so importing the same file again updates instead of duplicating. A column external_source in the file wins.</source>
        <translation>Regels worden gekoppeld op hun externe id binnen deze bron, dus hetzelfde bestand opnieuw importeren werkt bij in plaats van te verdubbelen. Een kolom external_source in het bestand gaat voor.</translation>
    </message>
    <message>
        <source>Import the good rows and skip the bad ones</source>
        <translation>De goede regels importeren en de foute overslaan</translation>
    </message>
    <message>
        <source>Check the file</source>
        <translation>Het bestand controleren</translation>
    </message>
    <message>
        <source>Reads the whole file and lists every problem; nothing is written</source>
        <translation>Leest het hele bestand en somt elk probleem op; er wordt niets weggeschreven</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <source>Problems in the file</source>
        <translation>Problemen in het bestand</translation>
    </message>
    <message>
        <source>When a file is checked, the rows it cannot take are listed here by line and column, before anything is imported.</source>
        <translation>Als een bestand is gecontroleerd, staan de regels die het niet kan opnemen hier per regel en kolom, voordat er iets wordt geïmporteerd.</translation>
    </message>
    <message>
        <source>from</source>
        <translation>van</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <source>CSV file to import</source>
        <translation>CSV-bestand om te importeren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-bestanden (*.csv *.txt);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Het sjabloon opslaan</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-bestanden (*.csv)</translation>
    </message>
    <message>
        <source>The template was saved as %1.</source>
        <translation>Het sjabloon is opgeslagen als %1.</translation>
    </message>
    <message>
        <source>The template could not be saved: %1</source>
        <translation>Het sjabloon kon niet worden opgeslagen: %1</translation>
    </message>
    <message>
        <source>Export format</source>
        <translation>Exportformaat</translation>
    </message>
    <message>
        <source>ZIP of CSV files (spreadsheets)</source>
        <translation>ZIP met CSV-bestanden (spreadsheets)</translation>
    </message>
    <message>
        <source>One JSON file</source>
        <translation>Eén JSON-bestand</translation>
    </message>
    <message>
        <source>Export the shop…</source>
        <translation>Het bedrijf exporteren…</translation>
    </message>
    <message>
        <source>Restore from a file…</source>
        <translation>Terugzetten uit een bestand…</translation>
    </message>
    <message>
        <source>Everything of this shop — jobs, parts, routings, time, quality, settings — without passwords, PINs or key secrets. Keep it as a backup or take it to another hub.</source>
        <translation>Alles van dit bedrijf — orders, onderdelen, routings, tijd, kwaliteit, instellingen — zonder wachtwoorden, pincodes of sleutelgeheimen. Bewaar het als back-up of neem het mee naar een andere hub.</translation>
    </message>
    <message>
        <source>Loads an export into this shop when it holds no jobs or other shop data yet, for example on a new workstation. The whole file is checked first; it goes in completely or not at all.</source>
        <translation>Laadt een export in dit bedrijf als het nog geen orders of andere bedrijfsgegevens heeft, bijvoorbeeld op een nieuw werkstation. Het hele bestand wordt eerst gecontroleerd; het gaat er helemaal in of helemaal niet.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <source>Export the shop to</source>
        <translation>Het bedrijf exporteren naar</translation>
    </message>
    <message>
        <source>Export to restore</source>
        <translation>Export om terug te zetten</translation>
    </message>
    <message>
        <source>Exports (*.zip *.json);;All files (*)</source>
        <translation>Exports (*.zip *.json);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Bijgewerkt</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fouten</translation>
    </message>
    <message>
        <source>Sync and import history</source>
        <translation>Synchronisatie- en importgeschiedenis</translation>
    </message>
    <message>
        <source>No imports or ERP syncs yet.</source>
        <translation>Nog geen imports of ERP-synchronisaties.</translation>
    </message>
    <message>
        <source>The history could not be read: %1</source>
        <translation>De geschiedenis kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>%1 runs: %2 succeeded, %3 failed; %4 records created, %5 updated.</source>
        <translation>%1 runs: %2 gelukt, %3 mislukt; %4 records aangemaakt, %5 bijgewerkt.</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MB. Import it on the hub with: eryxon-server import %2 &lt;file&gt;</source>
        <translation>%1 is groter dan 32 MB. Importeer het op de hub met: eryxon-server import %2 &lt;file&gt;</translation>
    </message>
    <message>
        <source>%1 could not be opened: %2</source>
        <translation>%1 kon niet worden geopend: %2</translation>
    </message>
    <message>
        <source>Field for column %1</source>
        <translation>Veld voor kolom %1</translation>
    </message>
    <message>
        <source>As named in the file</source>
        <translation>Zoals genoemd in het bestand</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Weglaten</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>%1 controleren…</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 importeren…</translation>
    </message>
    <message>
        <source>The check was cancelled.</source>
        <translation>De controle is geannuleerd.</translation>
    </message>
    <message>
        <source>The import was cancelled: nothing was imported.</source>
        <translation>De import is geannuleerd: er is niets geïmporteerd.</translation>
    </message>
    <message>
        <source>The file was not imported: %1</source>
        <translation>Het bestand is niet geïmporteerd: %1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n row(s) have problems, listed above by line and column. Correct them in the file, or tick “Import the good rows”.</source>
        <translation>
            <numerusform>Er is niets geïmporteerd: %n regel heeft problemen, hierboven per regel en kolom vermeld. Verbeter hem in het bestand, of vink “De goede regels importeren” aan.</numerusform>
            <numerusform>Er is niets geïmporteerd: %n regels hebben problemen, hierboven per regel en kolom vermeld. Verbeter ze in het bestand, of vink “De goede regels importeren” aan.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 rows: %2 new, %3 updated, %4 unchanged, %5 with problems.</source>
        <translation>%1 regels: %2 nieuw, %3 bijgewerkt, %4 ongewijzigd, %5 met problemen.</translation>
    </message>
    <message>
        <source>Columns not read: %1.</source>
        <translation>Niet gelezen kolommen: %1.</translation>
    </message>
    <message>
        <source>Checked, nothing written. </source>
        <translation>Gecontroleerd, niets weggeschreven. </translation>
    </message>
    <message>
        <source>Imported. </source>
        <translation>Geïmporteerd. </translation>
    </message>
    <message>
        <source>Exporting the shop…</source>
        <translation>Het bedrijf wordt geëxporteerd…</translation>
    </message>
    <message>
        <source>The export was cancelled: no file was written.</source>
        <translation>De export is geannuleerd: er is geen bestand geschreven.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>De export is mislukt: %1</translation>
    </message>
    <message>
        <source>The export could not be written to %1: %2</source>
        <translation>De export kon niet worden geschreven naar %1: %2</translation>
    </message>
    <message>
        <source>The shop was exported to %1 (%2 KB).</source>
        <translation>Het bedrijf is geëxporteerd naar %1 (%2 KB).</translation>
    </message>
    <message>
        <source>Restore %1 into this shop?</source>
        <translation>%1 terugzetten in dit bedrijf?</translation>
    </message>
    <message>
        <source>This only works while the shop holds no jobs or other shop data; otherwise nothing changes.</source>
        <translation>Dit werkt alleen zolang het bedrijf geen orders of andere bedrijfsgegevens heeft; anders verandert er niets.</translation>
    </message>
    <message>
        <source>%1 is larger than 32 MB: restore it on the hub with eryxon-server restore.</source>
        <translation>%1 is groter dan 32 MB: zet het terug op de hub met eryxon-server restore.</translation>
    </message>
    <message>
        <source>Restoring %1…</source>
        <translation>%1 terugzetten…</translation>
    </message>
    <message>
        <source>The export was restored into this shop.</source>
        <translation>De export is teruggezet in dit bedrijf.</translation>
    </message>
    <message>
        <source>The restore was cancelled: nothing was restored.</source>
        <translation>Het terugzetten is geannuleerd: er is niets teruggezet.</translation>
    </message>
    <message>
        <source>Nothing was restored: %1</source>
        <translation>Er is niets teruggezet: %1</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
</context>
<context>
    <name>ery::ui::DrawingViewer</name>
    <message>
        <source>Drawing</source>
        <translation>Tekening</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Vorige pagina</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Volgende pagina</translation>
    </message>
    <message>
        <source>−</source>
        <translation>−</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Uitzoomen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passend</translation>
    </message>
    <message>
        <source>Show the whole page</source>
        <translation>De hele pagina tonen</translation>
    </message>
    <message>
        <source>+</source>
        <translation>+</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Inzoomen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Close the drawing</source>
        <translation>De tekening sluiten</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>This drawing cannot be shown: the PDF file is damaged or protected. Ask the office for a new copy.</source>
        <translation>Deze tekening kan niet worden getoond: het PDF-bestand is beschadigd of beveiligd. Vraag het kantoor om een nieuwe kopie.</translation>
    </message>
    <message>
        <source>This picture cannot be shown: %1</source>
        <translation>Deze afbeelding kan niet worden getoond: %1</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Pagina %1 van %2</translation>
    </message>
    <message>
        <source>File shown</source>
        <translation>Getoond bestand</translation>
    </message>
</context>
<context>
    <name>ery::ui::DurationText</name>
    <message>
        <source>%1 m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 h %2 m</source>
        <translation>%1 u %2 min</translation>
    </message>
</context>
<context>
    <name>ery::ui::EventPicker</name>
    <message>
        <source>&amp;All events, also ones added in later versions</source>
        <translation>&amp;Alle gebeurtenissen, ook die in latere versies bijkomen</translation>
    </message>
    <message>
        <source>Events by family</source>
        <translation>Gebeurtenissen per groep</translation>
    </message>
    <message>
        <source>The event list could not be loaded: %1</source>
        <translation>De lijst met gebeurtenissen kon niet worden geladen: %1</translation>
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
        <translation>Bijgevoegde bestanden</translation>
    </message>
    <message>
        <source>Drop files here to attach them.</source>
        <translation>Sleep bestanden hierheen om ze toe te voegen.</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>Voortgang van het verzenden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Attach files (or drop them on the list)</source>
        <translation>Bestanden toevoegen (of sleep ze op de lijst)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Opslaan als…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Bestanden toevoegen</translation>
    </message>
    <message>
        <source>Drawings, CAD and photos (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.step *.stp *.dxf *.stl *.3mf *.zip);;All files (*)</source>
        <translation>Tekeningen, CAD en foto&apos;s (*.pdf *.png *.jpg *.jpeg *.gif *.webp *.step *.stp *.dxf *.stl *.3mf *.zip);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>The files could not be read: %1</source>
        <translation>De bestanden konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>%1 · added %2</source>
        <translation>%1 · toegevoegd %2</translation>
    </message>
    <message>
        <source>%1 · added by %2, %3</source>
        <translation>%1 · toegevoegd door %2, %3</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No files yet. Drop drawings, CAD files or photos here, or use Add…</source>
        <translation>Nog geen bestanden. Sleep tekeningen, CAD-bestanden of foto&apos;s hierheen, of gebruik Toevoegen…</translation>
    </message>
    <message>
        <source>Sending %1 (%2)…</source>
        <translation>%1 wordt verzonden (%2)…</translation>
    </message>
    <message>
        <source>%1 is attached.</source>
        <translation>%1 is toegevoegd.</translation>
    </message>
    <message>
        <source>Sending %1 was cancelled.</source>
        <translation>Het verzenden van %1 is geannuleerd.</translation>
    </message>
    <message>
        <source>%1 is attached here already. Delete that one first to replace it.</source>
        <translation>%1 is hier al toegevoegd. Verwijder dat bestand eerst om het te vervangen.</translation>
    </message>
    <message>
        <source>%1 does not fit in the shop&apos;s storage quota. Delete files no longer needed, or ask for a larger quota.</source>
        <translation>%1 past niet meer in de opslagruimte van het bedrijf. Verwijder bestanden die niet meer nodig zijn, of vraag om meer ruimte.</translation>
    </message>
    <message>
        <source>%1 is not a file the hub stores (drawings, CAD files, photos, documents; never programs): %2</source>
        <translation>%1 is geen bestand dat de hub bewaart (tekeningen, CAD-bestanden, foto&apos;s, documenten; nooit programma&apos;s): %2</translation>
    </message>
    <message>
        <source>%1 could not be attached: %2</source>
        <translation>%1 kon niet worden toegevoegd: %2</translation>
    </message>
    <message>
        <source>Fetching %1…</source>
        <translation>%1 wordt opgehaald…</translation>
    </message>
    <message>
        <source>%1 could not be fetched: %2</source>
        <translation>%1 kon niet worden opgehaald: %2</translation>
    </message>
    <message>
        <source>No program on this computer opens %1. Use Save as… to keep it.</source>
        <translation>Geen programma op deze computer opent %1. Gebruik Opslaan als… om het te bewaren.</translation>
    </message>
    <message>
        <source>Save %1 as</source>
        <translation>%1 opslaan als</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 wordt opgeslagen…</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation>%1 kon niet worden opgeslagen: %2</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>Opgeslagen als %1.</translation>
    </message>
    <message>
        <source>Delete file</source>
        <translation>Bestand verwijderen</translation>
    </message>
    <message>
        <source>Delete %1? Everyone who works on this loses it; it cannot be undone.</source>
        <translation>%1 verwijderen? Iedereen die hieraan werkt, raakt het kwijt; dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <source>%1 could not be deleted: %2</source>
        <translation>%1 kon niet worden verwijderd: %2</translation>
    </message>
    <message>
        <source>%1 is deleted.</source>
        <translation>%1 is verwijderd.</translation>
    </message>
</context>
<context>
    <name>ery::ui::FormDialog</name>
    <message>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <source>The hub could not be reached: %1</source>
        <translation>De hub was niet bereikbaar: %1</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Correct the form and try again, or cancel.</source>
        <translation>Verbeter het formulier en probeer het opnieuw, of annuleer.</translation>
    </message>
</context>
<context>
    <name>ery::ui::HubStatusDialog</name>
    <message>
        <source>Hub status</source>
        <translation>Status van de hub</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Verzoeken</translation>
    </message>
    <message>
        <source>HTTP connections</source>
        <translation>HTTP-verbindingen</translation>
    </message>
    <message>
        <source>Realtime sockets</source>
        <translation>Realtime-sockets</translation>
    </message>
    <message>
        <source>MCP sessions</source>
        <translation>MCP-sessies</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
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
        <translation>Uitgaande integraties</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Hubs on this database</source>
        <translation>Hubs op deze database</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <source>Running for</source>
        <translation>Draait al</translation>
    </message>
    <message>
        <source>not serving: %1</source>
        <translation>niet actief: %1</translation>
    </message>
    <message>
        <source>%1 since start</source>
        <translation>%1 sinds de start</translation>
    </message>
    <message>
        <source>%1 per minute · %2 since start</source>
        <translation>%1 per minuut · %2 sinds de start</translation>
    </message>
    <message>
        <source>last #%1 · %2 dispatched · %3 failed · backlog %4</source>
        <translation>laatste #%1 · %2 verstuurd · %3 mislukt · achterstand %4</translation>
    </message>
    <message>
        <source>%1 delivered · %2 failed attempts · %3 in flight (since start)</source>
        <translation>%1 afgeleverd · %2 mislukte pogingen · %3 onderweg (sinds de start)</translation>
    </message>
    <message>
        <source>%1 of %2 publishers connected</source>
        <translation>%1 van %2 publishers verbonden</translation>
    </message>
    <message>
        <source>paused: %1</source>
        <translation>gepauzeerd: %1</translation>
    </message>
    <message>
        <source>running</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>%1 · %2 · schema %3</source>
        <translation>%1 · %2 · schema %3</translation>
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
        <translation>%1 op %2, pid %3%4</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>ery::ui::IntegrationsPage</name>
    <message>
        <source>Integrations</source>
        <translation>Integraties</translation>
    </message>
    <message>
        <source>Keys for programs and AI agents, and where the shop&apos;s events are sent.</source>
        <translation>Sleutels voor programma&apos;s en AI-agents, en waar de gebeurtenissen van het bedrijf heen gaan.</translation>
    </message>
    <message>
        <source>&amp;API keys</source>
        <translation>&amp;API-sleutels</translation>
    </message>
    <message>
        <source>&amp;MCP keys</source>
        <translation>&amp;MCP-sleutels</translation>
    </message>
    <message>
        <source>&amp;Webhooks</source>
        <translation>&amp;Webhooks</translation>
    </message>
    <message>
        <source>M&amp;QTT publishers</source>
        <translation>M&amp;QTT-publishers</translation>
    </message>
</context>
<context>
    <name>ery::ui::IssueDialog</name>
    <message>
        <source>Report an issue</source>
        <translation>Probleem melden</translation>
    </message>
    <message>
        <source>Report an issue: %1</source>
        <translation>Probleem melden: %1</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Ernst: %1</translation>
    </message>
    <message>
        <source>What is wrong</source>
        <translation>Wat er mis is</translation>
    </message>
    <message>
        <source>What is wrong? For example: burr on the long edge of 3 parts.</source>
        <translation>Wat is er mis? Bijvoorbeeld: braam aan de lange kant van 3 onderdelen.</translation>
    </message>
    <message>
        <source>The machine is standing still</source>
        <translation>De machine staat stil</translation>
    </message>
    <message>
        <source>The operation goes on hold (Yellow Card) until the issue is dealt with.</source>
        <translation>De bewerking wordt gepauzeerd (Gele Kaart) tot het probleem is opgelost.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>How bad is it?</source>
        <translation>Hoe erg is het?</translation>
    </message>
    <message>
        <source>Add photo…</source>
        <translation>Foto toevoegen…</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Foto weghalen</translation>
    </message>
    <message>
        <source>Photo of the issue</source>
        <translation>Foto van het probleem</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Foto&apos;s (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
    <message>
        <source>Other photo…</source>
        <translation>Andere foto…</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>Geen foto</translation>
    </message>
    <message>
        <source>Photo: %1</source>
        <translation>Foto: %1</translation>
    </message>
    <message>
        <source>Take photo…</source>
        <translation>Foto maken…</translation>
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
        <translation>Te beoordelen</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Goedgekeurd</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritiek</translation>
    </message>
    <message>
        <source>Material defect</source>
        <translation>Materiaalfout</translation>
    </message>
    <message>
        <source>Dimensional</source>
        <translation>Maatvoering</translation>
    </message>
    <message>
        <source>Surface finish</source>
        <translation>Oppervlakteafwerking</translation>
    </message>
    <message>
        <source>Process error</source>
        <translation>Procesfout</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Scrap</source>
        <translation>Afkeur</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>Herbewerking</translation>
    </message>
    <message>
        <source>Use as is</source>
        <translation>Gebruiken zoals het is</translation>
    </message>
    <message>
        <source>Return to supplier</source>
        <translation>Terug naar leverancier</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>Ref.</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Job · part · operation</source>
        <translation>Order · onderdeel · bewerking</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeld door</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeld</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobDetail</name>
    <message>
        <source>Running</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klaar</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <source>Select a job to see its parts and routing.</source>
        <translation>Kies een order om de onderdelen en routing te zien.</translation>
    </message>
    <message>
        <source>Parts and routing of the selected job</source>
        <translation>Onderdelen en routing van de gekozen order</translation>
    </message>
    <message>
        <source>Part / operation</source>
        <translation>Onderdeel / bewerking</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Booked / estimate</source>
        <translation>Geboekt / geschat</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Toegewezen aan</translation>
    </message>
    <message>
        <source>The job could not be read.</source>
        <translation>De order kon niet worden gelezen.</translation>
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
        <translation>Spoedkaart</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
    <message>
        <source>Files of part %1</source>
        <translation>Bestanden van onderdeel %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobWizard</name>
    <message>
        <source>New job</source>
        <translation>Nieuwe order</translation>
    </message>
    <message>
        <source>Create job</source>
        <translation>Order aanmaken</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>What is ordered, for whom and by when.</source>
        <translation>Wat er besteld is, voor wie en wanneer het klaar moet zijn.</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>The parts to make. Tick Bullet for a rush part that goes first everywhere.</source>
        <translation>De te maken onderdelen. Vink Spoed aan voor een spoedonderdeel dat overal voorgaat.</translation>
    </message>
    <message>
        <source>Routing</source>
        <translation>Routing</translation>
    </message>
    <message>
        <source>Each part&apos;s operations in order, with the cell that does them and an estimate.</source>
        <translation>De bewerkingen van elk onderdeel op volgorde, met de cel die ze uitvoert en een schatting.</translation>
    </message>
    <message>
        <source>The cells could not be read: %1</source>
        <translation>De cellen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>Order wijzigen</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Wijzigingen opslaan</translation>
    </message>
    <message>
        <source>Job number</source>
        <translation>Ordernummer</translation>
    </message>
    <message>
        <source>e.g. JOB-3001</source>
        <translation>bijv. JOB-3001</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Klaar op</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Leverdatum</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Leverdatum</translation>
    </message>
    <message>
        <source>Part number</source>
        <translation>Onderdeelnummer</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Bullet</source>
        <translation>Spoed</translation>
    </message>
    <message>
        <source>Add part</source>
        <translation>Onderdeel toevoegen</translation>
    </message>
    <message>
        <source>Remove part</source>
        <translation>Onderdeel verwijderen</translation>
    </message>
    <message>
        <source>Part whose routing is shown</source>
        <translation>Onderdeel waarvan de routing getoond wordt</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Bewerkingen</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Bewerking</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Cel</translation>
    </message>
    <message>
        <source>Estimate (min)</source>
        <translation>Schatting (min)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>Volgorde</translation>
    </message>
    <message>
        <source>Add operation</source>
        <translation>Bewerking toevoegen</translation>
    </message>
    <message>
        <source>Remove operation</source>
        <translation>Bewerking verwijderen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <source>Use this routing for every part</source>
        <translation>Deze routing voor elk onderdeel gebruiken</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Unknown cell</source>
        <translation>Onbekende cel</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Estimated minutes</source>
        <translation>Geschatte minuten</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Give the job a number (the one on the order or traveller).</source>
        <translation>Geef de order een nummer (dat op de bestelling of de werkbon).</translation>
    </message>
    <message>
        <source>part %1 has no part number</source>
        <translation>onderdeel %1 heeft geen onderdeelnummer</translation>
    </message>
    <message>
        <source>part %1 has no material</source>
        <translation>onderdeel %1 heeft geen materiaal</translation>
    </message>
    <message>
        <source>Not yet: %1.</source>
        <translation>Nog niet: %1.</translation>
    </message>
    <message>
        <source>%1 of part %2 has no cell. Add the shop&apos;s cells under Cells first.</source>
        <translation>%1 van onderdeel %2 heeft geen cel. Voeg eerst de cellen van het bedrijf toe onder Cellen.</translation>
    </message>
    <message>
        <source>Part %1: </source>
        <translation>Onderdeel %1: </translation>
    </message>
    <message>
        <source>Part %1, operation %2: </source>
        <translation>Onderdeel %1, bewerking %2: </translation>
    </message>
    <message>
        <source>The job was not created. %1%2</source>
        <translation>De order is niet aangemaakt. %1%2</translation>
    </message>
    <message>
        <source>The job could not be read: %1</source>
        <translation>De order kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Edit job %1</source>
        <translation>Order %1 wijzigen</translation>
    </message>
    <message>
        <source>Job %1</source>
        <translation>Order %1</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>Onderdeel %1</translation>
    </message>
    <message>
        <source>Part %1, operation %2 (%3)</source>
        <translation>Onderdeel %1, bewerking %2 (%3)</translation>
    </message>
    <message>
        <source>%1 was not removed: %2</source>
        <translation>%1 is niet verwijderd: %2</translation>
    </message>
    <message>
        <source>%1 was not added: %2</source>
        <translation>%1 is niet toegevoegd: %2</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 is niet gewijzigd: %2</translation>
    </message>
    <message>
        <source>%1 Nothing was saved.</source>
        <translation>%1 Er is niets opgeslagen.</translation>
    </message>
    <message>
        <source>%1 The changes before it are saved; the pages now show the job as it is.</source>
        <translation>%1 De wijzigingen ervoor zijn opgeslagen; de pagina&apos;s tonen de order nu zoals hij is.</translation>
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
        <translation>&amp;Pauzeren</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Hervatten</translation>
    </message>
    <message>
        <source>&amp;Complete</source>
        <translation>&amp;Afronden</translation>
    </message>
    <message>
        <source>&amp;New job…</source>
        <translation>&amp;Nieuwe order…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Search jobs…</source>
        <translation>Orders zoeken…</translation>
    </message>
    <message>
        <source>Search jobs</source>
        <translation>Orders zoeken</translation>
    </message>
    <message>
        <source>Filters the jobs by job number or customer</source>
        <translation>Filtert de orders op ordernummer of klant</translation>
    </message>
    <message>
        <source>Start job</source>
        <translation>Order starten</translation>
    </message>
    <message>
        <source>Start the selected job</source>
        <translation>De gekozen order starten</translation>
    </message>
    <message>
        <source>Pause job</source>
        <translation>Order pauzeren</translation>
    </message>
    <message>
        <source>Put the selected job on hold</source>
        <translation>De gekozen order pauzeren</translation>
    </message>
    <message>
        <source>Resume job</source>
        <translation>Order hervatten</translation>
    </message>
    <message>
        <source>Resume the selected job</source>
        <translation>De gekozen order hervatten</translation>
    </message>
    <message>
        <source>Complete job</source>
        <translation>Order afronden</translation>
    </message>
    <message>
        <source>Mark the selected job completed</source>
        <translation>De gekozen order als afgerond markeren</translation>
    </message>
    <message>
        <source>New job</source>
        <translation>Nieuwe order</translation>
    </message>
    <message>
        <source>Create a job with its parts and routing (%1)</source>
        <translation>Een order aanmaken met onderdelen en routing (%1)</translation>
    </message>
    <message>
        <source>Edit job</source>
        <translation>Order wijzigen</translation>
    </message>
    <message>
        <source>Change the selected job, its parts and routing (%1)</source>
        <translation>De gekozen order, de onderdelen en de routing wijzigen (%1)</translation>
    </message>
    <message>
        <source>Could not load the jobs: %1</source>
        <translation>De orders konden niet worden geladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s)</source>
        <translation>
            <numerusform>%n order</numerusform>
            <numerusform>%n orders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) match</source>
        <translation>
            <numerusform>%n order gevonden</numerusform>
            <numerusform>%n orders gevonden</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · %2 (%3)</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <source>Complete job %1?</source>
        <translation>Order %1 afronden?</translation>
    </message>
    <message>
        <source>Complete job %1 for %2?</source>
        <translation>Order %1 voor %2 afronden?</translation>
    </message>
    <message>
        <source>A completed job cannot be started again.</source>
        <translation>Een afgeronde order kan niet opnieuw worden gestart.</translation>
    </message>
    <message>
        <source>Its operations could not be read: %1</source>
        <translation>De bewerkingen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>All its operations are completed.</source>
        <translation>Alle bewerkingen zijn afgerond.</translation>
    </message>
    <message numerus="yes">
        <source>It has %n open operation(s), which stay as they are:</source>
        <translation>
            <numerusform>Er staat nog %n bewerking open, die blijft zoals ze is:</numerusform>
            <numerusform>Er staan nog %n bewerkingen open, die blijven zoals ze zijn:</numerusform>
        </translation>
    </message>
    <message>
        <source>…and %1 more</source>
        <translation>…en nog %1</translation>
    </message>
    <message>
        <source>Complete %1</source>
        <translation>%1 afronden</translation>
    </message>
    <message>
        <source>Job %1 could not be started.</source>
        <translation>Order %1 kon niet worden gestart.</translation>
    </message>
    <message>
        <source>Job %1 could not be paused.</source>
        <translation>Order %1 kon niet worden gepauzeerd.</translation>
    </message>
    <message>
        <source>Job %1 could not be resumed.</source>
        <translation>Order %1 kon niet worden hervat.</translation>
    </message>
    <message>
        <source>Job %1 could not be completed.</source>
        <translation>Order %1 kon niet worden afgerond.</translation>
    </message>
    <message>
        <source>Job not changed</source>
        <translation>Order niet gewijzigd</translation>
    </message>
    <message>
        <source>Its status was changed in the meantime, perhaps at another terminal. The list shows its current status.</source>
        <translation>De status is intussen gewijzigd, misschien op een andere terminal. De lijst toont de huidige status.</translation>
    </message>
</context>
<context>
    <name>ery::ui::JobsTableModel</name>
    <message>
        <source>Not started</source>
        <translation>Niet gestart</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afgerond</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Bullet card</source>
        <translation>Spoedkaart</translation>
    </message>
    <message>
        <source>Not a bullet card</source>
        <translation>Geen spoedkaart</translation>
    </message>
    <message>
        <source>%1, overdue</source>
        <translation>%1, te laat</translation>
    </message>
    <message>
        <source>Overdue — due %1</source>
        <translation>Te laat — leverdatum %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Leverdatum %1</translation>
    </message>
    <message>
        <source>%1 of %2 operations completed</source>
        <translation>%1 van %2 bewerkingen afgerond</translation>
    </message>
    <message numerus="yes">
        <source>Bullet card: %n part(s) to rush</source>
        <translation>
            <numerusform>Spoedkaart: %n onderdeel met spoed</numerusform>
            <numerusform>Spoedkaart: %n onderdelen met spoed</numerusform>
        </translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Klant</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Leverdatum</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Current cell</source>
        <translation>Huidige cel</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <source>Bullet</source>
        <translation>Spoed</translation>
    </message>
</context>
<context>
    <name>ery::ui::JumpDialog</name>
    <message>
        <source>Go to a job</source>
        <translation>Naar een order gaan</translation>
    </message>
    <message>
        <source>Job or part number</source>
        <translation>Order- of onderdeelnummer</translation>
    </message>
    <message>
        <source>Job or part number, e.g. JOB-2605</source>
        <translation>Order- of onderdeelnummer, bijv. JOB-2605</translation>
    </message>
    <message>
        <source>Go</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>No job or part has the number “%1”.</source>
        <translation>Geen order of onderdeel heeft het nummer “%1”.</translation>
    </message>
</context>
<context>
    <name>ery::ui::Language</name>
    <message>
        <source>As the system</source>
        <translation>Zoals het systeem</translation>
    </message>
</context>
<context>
    <name>ery::ui::LoginPage</name>
    <message>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Scan your badge or type your employee id, then your PIN.</source>
        <translation>Scan uw pas of typ uw personeelsnummer, en dan uw pincode.</translation>
    </message>
    <message>
        <source>Employee id</source>
        <translation>Personeelsnummer</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <source>Clear the PIN</source>
        <translation>De pincode wissen</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Laatste cijfer wissen</translation>
    </message>
    <message>
        <source>OK — sign in</source>
        <translation>OK — aanmelden</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network cable or Wi-Fi, or ask the office whether the hub is running.</source>
        <translation>De hub is niet bereikbaar. Controleer de netwerkkabel of de wifi, of vraag op kantoor of de hub draait.</translation>
    </message>
    <message>
        <source>Wrong PIN. You are now locked out for a while; ask your supervisor.</source>
        <translation>Verkeerde pincode. U bent nu een tijdje geblokkeerd; vraag het uw leidinggevende.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong employee id or PIN. %n attempt(s) left before you are locked out.</source>
        <translation>
            <numerusform>Verkeerd personeelsnummer of verkeerde pincode. Nog %n poging voordat u geblokkeerd wordt.</numerusform>
            <numerusform>Verkeerd personeelsnummer of verkeerde pincode. Nog %n pogingen voordat u geblokkeerd wordt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong employee id or PIN.</source>
        <translation>Verkeerd personeelsnummer of verkeerde pincode.</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs, until %1. Ask your supervisor to unlock you sooner.</source>
        <translation>Geblokkeerd na te veel verkeerde pincodes, tot %1. Vraag uw leidinggevende om u eerder te deblokkeren.</translation>
    </message>
    <message>
        <source>Locked after too many wrong PINs. Ask your supervisor to unlock you.</source>
        <translation>Geblokkeerd na te veel verkeerde pincodes. Vraag uw leidinggevende om u te deblokkeren.</translation>
    </message>
    <message>
        <source>Too many tries from this terminal. Wait a minute and try again.</source>
        <translation>Te veel pogingen vanaf deze terminal. Wacht een minuut en probeer het opnieuw.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Niet aangemeld: %1</translation>
    </message>
    <message>
        <source>Type or scan your employee id first.</source>
        <translation>Typ of scan eerst uw personeelsnummer.</translation>
    </message>
    <message>
        <source>Your PIN has 4 to 6 digits.</source>
        <translation>Uw pincode heeft 4 tot 6 cijfers.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Aanmelden…</translation>
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
        <translation>Database</translation>
    </message>
    <message>
        <source>Hub status</source>
        <translation>Status van de hub</translation>
    </message>
    <message>
        <source>Show the hub&apos;s status in detail</source>
        <translation>De status van de hub in detail tonen</translation>
    </message>
    <message>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Aangemeld</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Niet aangemeld</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigatie</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>Orders</translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Werkvoorraad</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Kwaliteit</translation>
    </message>
    <message>
        <source>Cells &amp; operators</source>
        <translation>Cellen &amp; operators</translation>
    </message>
    <message>
        <source>Integrations</source>
        <translation>Integraties</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Gegevens</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <source>Not available in this version</source>
        <translation>Niet beschikbaar in deze versie</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Afmelden</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Database, data directory, the hub&apos;s API and the look (%1)</source>
        <translation>Database, gegevensmap, de API van de hub en het uiterlijk (%1)</translation>
    </message>
    <message>
        <source>Resume webhooks and MQTT</source>
        <translation>Webhooks en MQTT hervatten</translation>
    </message>
    <message>
        <source>Not resumed</source>
        <translation>Niet hervat</translation>
    </message>
    <message>
        <source>Load the demo shop</source>
        <translation>Het demobedrijf laden</translation>
    </message>
    <message>
        <source>Create my shop</source>
        <translation>Mijn bedrijf aanmaken</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>The shop could not be read: %1</source>
        <translation>Het bedrijf kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>Sign in to see the shop.</source>
        <translation>Meld u aan om het bedrijf te zien.</translation>
    </message>
    <message>
        <source>Demo shop: sign in as %1 with password %2.</source>
        <translation>Demobedrijf: meld u aan als %1 met wachtwoord %2.</translation>
    </message>
    <message>
        <source>Eryxon MES — %1</source>
        <translation>Eryxon MES — %1</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Aangemeld als %1</translation>
    </message>
    <message>
        <source>Your session ended; sign in again.</source>
        <translation>Uw sessie is verlopen; meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Welcome to Eryxon MES</source>
        <translation>Welkom bij Eryxon MES</translation>
    </message>
    <message>
        <source>This database has no shop yet.</source>
        <translation>Deze database heeft nog geen bedrijf.</translation>
    </message>
    <message>
        <source>Create your own shop with its first admin, or load the demo shop “%1” with sample jobs, cells and operators to explore Eryxon.</source>
        <translation>Maak uw eigen bedrijf aan met de eerste beheerder, of laad het demobedrijf “%1” met voorbeeldorders, cellen en operators om Eryxon te verkennen.</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nu niet</translation>
    </message>
    <message>
        <source>Loading the demo shop…</source>
        <translation>Het demobedrijf wordt geladen…</translation>
    </message>
    <message>
        <source>Demo shop not loaded</source>
        <translation>Demobedrijf niet geladen</translation>
    </message>
    <message>
        <source>The demo shop could not be loaded.</source>
        <translation>Het demobedrijf kon niet worden geladen.</translation>
    </message>
    <message>
        <source>No shop data yet</source>
        <translation>Nog geen bedrijfsgegevens</translation>
    </message>
    <message>
        <source>This database has no shop. Create your own shop with its first admin, or load the demo shop to explore Eryxon with sample jobs.</source>
        <translation>Deze database heeft geen bedrijf. Maak uw eigen bedrijf aan met de eerste beheerder, of laad het demobedrijf om Eryxon te verkennen met voorbeeldorders.</translation>
    </message>
    <message>
        <source>Hub: %1</source>
        <translation>Hub: %1</translation>
    </message>
    <message>
        <source>Hub unreachable: %1</source>
        <translation>Hub onbereikbaar: %1</translation>
    </message>
    <message>
        <source>Hub status unavailable: %1</source>
        <translation>Status van de hub niet beschikbaar: %1</translation>
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
        <translation>Versie van het databaseschema %1</translation>
    </message>
    <message>
        <source>REST API: %1</source>
        <translation>REST API: %1</translation>
    </message>
    <message>
        <source>External systems reach this shop here, with an API key.</source>
        <translation>Externe systemen bereiken dit bedrijf hier, met een API-sleutel.</translation>
    </message>
    <message>
        <source>Another Eryxon (eryxon-server serve or a second window) or another program holds the port. Start Eryxon with --api-port N to use another one.</source>
        <translation>Een andere Eryxon (eryxon-server serve of een tweede venster) of een ander programma bezet de poort. Start Eryxon met --api-port N om een andere te gebruiken.</translation>
    </message>
    <message>
        <source>Outgoing webhooks and MQTT are paused: %1. Events wait and are sent after you resume.</source>
        <translation>Uitgaande webhooks en MQTT zijn gepauzeerd: %1. Gebeurtenissen wachten en worden verstuurd zodra u hervat.</translation>
    </message>
    <message>
        <source>This run uses: %1.</source>
        <translation>Deze sessie gebruikt: %1.</translation>
    </message>
    <message>
        <source>Settings saved; they take effect the next time Eryxon starts.</source>
        <translation>Instellingen opgeslagen; ze gaan in bij de volgende start van Eryxon.</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Herstarten</translation>
    </message>
    <message>
        <source>Eryxon could not be started again; start it yourself to use the new settings.</source>
        <translation>Eryxon kon niet opnieuw worden gestart; start het zelf om de nieuwe instellingen te gebruiken.</translation>
    </message>
    <message>
        <source>%1 req/min</source>
        <translation>%1 verz./min</translation>
    </message>
    <message>
        <source>%1 sockets</source>
        <translation>%1 sockets</translation>
    </message>
    <message>
        <source>%1 MCP</source>
        <translation>%1 MCP</translation>
    </message>
    <message>
        <source>backlog %1</source>
        <translation>achterstand %1</translation>
    </message>
    <message>
        <source>%1 webhook failures</source>
        <translation>%1 webhookfouten</translation>
    </message>
    <message>
        <source>MQTT %1/%2</source>
        <translation>MQTT %1/%2</translation>
    </message>
    <message>
        <source>API off: started with --no-api</source>
        <translation>API uit: gestart met --no-api</translation>
    </message>
    <message>
        <source>API off: port %1 is used by another program</source>
        <translation>API uit: poort %1 wordt door een ander programma gebruikt</translation>
    </message>
    <message>
        <source>API off: no permission to use port %1</source>
        <translation>API uit: geen toestemming om poort %1 te gebruiken</translation>
    </message>
    <message>
        <source>API off: %1 is not an address of this computer</source>
        <translation>API uit: %1 is geen adres van deze computer</translation>
    </message>
    <message>
        <source>API off: %1 is not an IP address</source>
        <translation>API uit: %1 is geen IP-adres</translation>
    </message>
    <message>
        <source>API off: the TLS certificate or key could not be loaded</source>
        <translation>API uit: het TLS-certificaat of de sleutel kon niet worden geladen</translation>
    </message>
    <message>
        <source>API off: it could not start</source>
        <translation>API uit: hij kon niet starten</translation>
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
        <translation>Alle tools</translation>
    </message>
    <message numerus="yes">
        <source>%n tool(s): %1</source>
        <translation>
            <numerusform>%n tool: %1</numerusform>
            <numerusform>%n tools: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;New MCP key…</source>
        <translation>&amp;Nieuwe MCP-sleutel…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Intrekken…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Sleutel</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Omgeving</translation>
    </message>
    <message>
        <source>Test (sandbox)</source>
        <translation>Test (sandbox)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Allowed tools</source>
        <translation>Toegestane tools</translation>
    </message>
    <message>
        <source>Rate limit</source>
        <translation>Limiet</translation>
    </message>
    <message>
        <source>%1 per minute</source>
        <translation>%1 per minuut</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Aanroepen</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Laatst gebruikt</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Nooit</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Ingetrokken</translation>
    </message>
    <message>
        <source>MCP keys</source>
        <translation>MCP-sleutels</translation>
    </message>
    <message>
        <source>No MCP keys yet. Create one for each AI agent, with only the tools it needs.</source>
        <translation>Nog geen MCP-sleutels. Maak er een voor elke AI-agent, met alleen de tools die hij nodig heeft.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Mislukt: %1</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Usage of the selected MCP key</source>
        <translation>Gebruik van de gekozen MCP-sleutel</translation>
    </message>
    <message>
        <source>Select a key to see its calls.</source>
        <translation>Kies een sleutel om zijn aanroepen te zien.</translation>
    </message>
    <message>
        <source>New MCP key</source>
        <translation>Nieuwe MCP-sleutel</translation>
    </message>
    <message>
        <source>Create a key for an AI agent (Claude Desktop, Cursor, any MCP client)</source>
        <translation>Maak een sleutel voor een AI-agent (Claude Desktop, Cursor, elke MCP-client)</translation>
    </message>
    <message>
        <source>Revoke MCP key</source>
        <translation>MCP-sleutel intrekken</translation>
    </message>
    <message>
        <source>Stop the selected key from working, at once, also in open sessions</source>
        <translation>De gekozen sleutel meteen laten stoppen met werken, ook in open sessies</translation>
    </message>
    <message>
        <source>Could not load the MCP keys: %1</source>
        <translation>De MCP-sleutels konden niet worden geladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n active key(s)</source>
        <translation>
            <numerusform>%n actieve sleutel</numerusform>
            <numerusform>%n actieve sleutels</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not load the calls of %1: %2</source>
        <translation>De aanroepen van %1 konden niet worden geladen: %2</translation>
    </message>
    <message>
        <source>%1 has not been used yet.</source>
        <translation>%1 is nog niet gebruikt.</translation>
    </message>
    <message>
        <source>Latest calls with %1</source>
        <translation>Laatste aanroepen met %1</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Sleutel aanmaken</translation>
    </message>
    <message>
        <source>Which agent uses it, e.g. Claude Desktop</source>
        <translation>Welke agent hem gebruikt, bijv. Claude Desktop</translation>
    </message>
    <message>
        <source>Live: the shop&apos;s own data</source>
        <translation>Live: de eigen gegevens van het bedrijf</translation>
    </message>
    <message>
        <source>Test: the sandbox copy, for trying things out</source>
        <translation>Test: de sandbox-kopie, om dingen uit te proberen</translation>
    </message>
    <message>
        <source> calls per minute</source>
        <translation> aanroepen per minuut</translation>
    </message>
    <message>
        <source>&amp;All tools</source>
        <translation>&amp;Alle tools</translation>
    </message>
    <message>
        <source>&amp;Only the tools ticked below</source>
        <translation>Alleen de hieronder aangevinkte t&amp;ools</translation>
    </message>
    <message>
        <source>Tools the key may call</source>
        <translation>Tools die de sleutel mag aanroepen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Key name</source>
        <translation>Naam van de sleutel</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschrijving:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>&amp;Environment:</source>
        <translation>&amp;Omgeving:</translation>
    </message>
    <message>
        <source>&amp;Rate limit:</source>
        <translation>&amp;Limiet:</translation>
    </message>
    <message>
        <source>Tools:</source>
        <translation>Tools:</translation>
    </message>
    <message>
        <source>The tool list could not be loaded: %1</source>
        <translation>De lijst met tools kon niet worden geladen: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>MCP key created</source>
        <translation>MCP-sleutel aangemaakt</translation>
    </message>
    <message>
        <source>The MCP key “%1” was created. Put it in the agent&apos;s MCP settings as the Bearer token of this hub&apos;s /mcp address.</source>
        <translation>De MCP-sleutel “%1” is aangemaakt. Zet hem in de MCP-instellingen van de agent als Bearer-token van het /mcp-adres van deze hub.</translation>
    </message>
    <message>
        <source>Copy the key now and keep it somewhere safe: it is shown only this once and cannot be retrieved again. If it is lost, revoke it and create a new one.</source>
        <translation>Kopieer de sleutel nu en bewaar hem veilig: hij wordt alleen deze ene keer getoond en kan niet opnieuw worden opgevraagd. Raakt hij kwijt, trek hem dan in en maak een nieuwe.</translation>
    </message>
    <message>
        <source>Revoke the MCP key “%1” (%2…)?</source>
        <translation>De MCP-sleutel “%1” (%2…) intrekken?</translation>
    </message>
    <message>
        <source>The agent using this key is refused from its next call, also in a session already open. Its usage log stays.</source>
        <translation>De agent met deze sleutel wordt vanaf zijn volgende aanroep geweigerd, ook in een sessie die al open is. Zijn gebruikslog blijft bewaard.</translation>
    </message>
    <message>
        <source>Revoke %1</source>
        <translation>%1 intrekken</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Sleutel niet ingetrokken</translation>
    </message>
    <message>
        <source>The MCP key “%1” could not be revoked.</source>
        <translation>De MCP-sleutel “%1” kon niet worden ingetrokken.</translation>
    </message>
</context>
<context>
    <name>ery::ui::MqttTab</name>
    <message>
        <source>All events</source>
        <translation>Alle gebeurtenissen</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Niet verbonden: %1</translation>
    </message>
    <message>
        <source>Not connected yet</source>
        <translation>Nog niet verbonden</translation>
    </message>
    <message>
        <source>Connected %1</source>
        <translation>Verbonden %1</translation>
    </message>
    <message>
        <source>&amp;New publisher…</source>
        <translation>&amp;Nieuwe publisher…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
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
        <translation>Topicpatroon</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>MQTT publishers</source>
        <translation>MQTT-publishers</translation>
    </message>
    <message>
        <source>No MQTT publishers yet. Add a broker to publish the shop&apos;s events on its topics.</source>
        <translation>Nog geen MQTT-publishers. Voeg een broker toe om de gebeurtenissen van het bedrijf op zijn topics te publiceren.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultaat</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Mislukt: %1</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Vertraging</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Publish log of the selected publisher</source>
        <translation>Publicatielog van de gekozen publisher</translation>
    </message>
    <message>
        <source>New MQTT publisher</source>
        <translation>Nieuwe MQTT-publisher</translation>
    </message>
    <message>
        <source>Publish the shop&apos;s events to an MQTT broker</source>
        <translation>De gebeurtenissen van het bedrijf naar een MQTT-broker publiceren</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbinding testen</translation>
    </message>
    <message>
        <source>Connect to the selected publisher&apos;s broker with its settings and report the answer</source>
        <translation>Met de instellingen van de gekozen publisher verbinden met zijn broker en het antwoord tonen</translation>
    </message>
    <message>
        <source>Delete MQTT publisher</source>
        <translation>MQTT-publisher verwijderen</translation>
    </message>
    <message>
        <source>Could not load the MQTT publishers: %1</source>
        <translation>De MQTT-publishers konden niet worden geladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n publisher(s)</source>
        <translation>
            <numerusform>%n publisher</numerusform>
            <numerusform>%n publishers</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a publisher to see what it published.</source>
        <translation>Kies een publisher om te zien wat hij publiceerde.</translation>
    </message>
    <message>
        <source>Could not load the publish log: %1</source>
        <translation>Het publicatielog kon niet worden geladen: %1</translation>
    </message>
    <message>
        <source>Nothing published yet: events the publisher subscribes to appear here.</source>
        <translation>Nog niets gepubliceerd: gebeurtenissen waarop de publisher geabonneerd is, verschijnen hier.</translation>
    </message>
    <message>
        <source>Publish log</source>
        <translation>Publicatielog</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Testen…</translation>
    </message>
    <message>
        <source>Connecting to the broker of %1…</source>
        <translation>Verbinden met de broker van %1…</translation>
    </message>
    <message>
        <source>The test of %1 could not run: %2</source>
        <translation>De test van %1 kon niet worden uitgevoerd: %2</translation>
    </message>
    <message>
        <source>%1 connected to its broker.</source>
        <translation>%1 is verbonden met zijn broker.</translation>
    </message>
    <message>
        <source>%1 could not connect: %2. Check the broker address, port, TLS and sign-in.</source>
        <translation>%1 kon niet verbinden: %2. Controleer het brokeradres, de poort, TLS en de aanmelding.</translation>
    </message>
    <message>
        <source>Create publisher</source>
        <translation>Publisher aanmaken</translation>
    </message>
    <message>
        <source>e.g. Plant UNS</source>
        <translation>bijv. Fabriek UNS</translation>
    </message>
    <message>
        <source>broker.example.com</source>
        <translation>broker.example.com</translation>
    </message>
    <message>
        <source>Use &amp;TLS</source>
        <translation>&amp;TLS gebruiken</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>Publisher name</source>
        <translation>Naam van de publisher</translation>
    </message>
    <message>
        <source>&amp;Broker:</source>
        <translation>&amp;Broker:</translation>
    </message>
    <message>
        <source>Broker address</source>
        <translation>Adres van de broker</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>Broker port</source>
        <translation>Poort van de broker</translation>
    </message>
    <message>
        <source>Use TLS</source>
        <translation>TLS gebruiken</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Broker user name</source>
        <translation>Gebruikersnaam bij de broker</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Wacht&amp;woord:</translation>
    </message>
    <message>
        <source>Broker password</source>
        <translation>Wachtwoord bij de broker</translation>
    </message>
    <message>
        <source>&amp;Topic pattern:</source>
        <translation>&amp;Topicpatroon:</translation>
    </message>
    <message>
        <source>Sample topic:</source>
        <translation>Voorbeeldtopic:</translation>
    </message>
    <message>
        <source>Sample topic</source>
        <translation>Voorbeeldtopic</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Gebeurtenissen:</translation>
    </message>
    <message>
        <source>%1  (for an %2 event)</source>
        <translation>%1  (voor een %2-gebeurtenis)</translation>
    </message>
    <message>
        <source>Not a usable pattern: %1</source>
        <translation>Geen bruikbaar patroon: %1</translation>
    </message>
    <message>
        <source>Delete the MQTT publisher “%1”?</source>
        <translation>De MQTT-publisher “%1” verwijderen?</translation>
    </message>
    <message>
        <source>Nothing more is published to its broker, and its publish log is deleted with it.</source>
        <translation>Er wordt niets meer naar zijn broker gepubliceerd, en zijn publicatielog wordt mee verwijderd.</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 verwijderen</translation>
    </message>
    <message>
        <source>%1 was not deleted: %2</source>
        <translation>%1 is niet verwijderd: %2</translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationCardDelegate</name>
    <message numerus="yes">
        <source>Overdue %n d</source>
        <translation>
            <numerusform>%n dag te laat</numerusform>
            <numerusform>%n dagen te laat</numerusform>
        </translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Vandaag te leveren</translation>
    </message>
    <message>
        <source>Due tomorrow</source>
        <translation>Morgen te leveren</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Levering %1</translation>
    </message>
    <message>
        <source>BULLET</source>
        <translation>SPOED</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Gepauzeerd</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Bezig</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
</context>
<context>
    <name>ery::ui::OperationPanel</name>
    <message>
        <source>Touch an operation in a queue, or scan its barcode, to see it here.</source>
        <translation>Tik een bewerking in een van de lijsten aan, of scan de barcode, om hem hier te zien.</translation>
    </message>
    <message>
        <source>Time booked of the estimate</source>
        <translation>Geboekte tijd van de schatting</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Onderdeel</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Stuks</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Next cell</source>
        <translation>Volgende cel</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Aan het werk</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <source>Report production</source>
        <translation>Productie melden</translation>
    </message>
    <message>
        <source>Stop &amp;&amp; complete</source>
        <translation>Stoppen &amp;&amp; afronden</translation>
    </message>
    <message>
        <source>Stop and complete</source>
        <translation>Stoppen en afronden</translation>
    </message>
    <message>
        <source>Report issue</source>
        <translation>Probleem melden</translation>
    </message>
    <message>
        <source>No operation selected</source>
        <translation>Geen bewerking gekozen</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>BULLET CARD</source>
        <translation>SPOEDKAART</translation>
    </message>
    <message>
        <source>ON HOLD</source>
        <translation>GEPAUZEERD</translation>
    </message>
    <message>
        <source>%1 good of %2</source>
        <translation>%1 goed van %2</translation>
    </message>
    <message numerus="yes">
        <source>%n scrapped</source>
        <translation>
            <numerusform>%n afgekeurd</numerusform>
            <numerusform>%n afgekeurd</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 booked of %2 planned</source>
        <translation>%1 geboekt van %2 gepland</translation>
    </message>
    <message>
        <source>%1 booked</source>
        <translation>%1 geboekt</translation>
    </message>
    <message>
        <source>None: this is the part&apos;s last step</source>
        <translation>Geen: dit is de laatste stap van het onderdeel</translation>
    </message>
    <message>
        <source>%1 of %2 jobs</source>
        <translation>%1 van %2 orders</translation>
    </message>
    <message>
        <source>PAUSE — %1 is full (%2)</source>
        <translation>PAUZE — %1 is vol (%2)</translation>
    </message>
    <message>
        <source>GO — %1</source>
        <translation>DOORGAAN — %1</translation>
    </message>
    <message>
        <source>GO — %1 (%2)</source>
        <translation>DOORGAAN — %1 (%2)</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>een operator</translation>
    </message>
    <message>
        <source>%1 (since %2)</source>
        <translation>%1 (sinds %2)</translation>
    </message>
    <message>
        <source>Nobody at the moment</source>
        <translation>Op dit moment niemand</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Stappen</translation>
    </message>
    <message>
        <source>Tick “%1” on %2</source>
        <translation>“%1” bij %2 aanvinken</translation>
    </message>
    <message>
        <source>Untick “%1” on %2</source>
        <translation>“%1” bij %2 uitvinken</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Meewerken</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Afronden</translation>
    </message>
    <message>
        <source>You are working on another operation: pause or complete it first.</source>
        <translation>U werkt aan een andere bewerking: pauzeer die of rond die eerst af.</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Verstuurd: %1</translation>
    </message>
    <message>
        <source>Join %1</source>
        <translation>Aan %1 meewerken</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>%1 starten</translation>
    </message>
    <message>
        <source>Pause %1</source>
        <translation>%1 pauzeren</translation>
    </message>
    <message>
        <source>Complete %1</source>
        <translation>%1 afronden</translation>
    </message>
    <message>
        <source>Report %1 good, %2 scrap, %3 rework on %4</source>
        <translation>%1 goed, %2 afkeur, %3 herbewerking bij %4 melden</translation>
    </message>
    <message>
        <source>Report a standstill on %1</source>
        <translation>Stilstand bij %1 melden</translation>
    </message>
    <message>
        <source>Report an issue on %1</source>
        <translation>Probleem bij %1 melden</translation>
    </message>
    <message>
        <source>Drawing</source>
        <translation>Tekening</translation>
    </message>
    <message>
        <source>Show the part&apos;s drawing</source>
        <translation>De tekening van het onderdeel tonen</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>Ophalen…</translation>
    </message>
    <message>
        <source>The drawing could not be fetched: %1</source>
        <translation>De tekening kon niet worden opgehaald: %1</translation>
    </message>
    <message>
        <source>The photo %1 could not be attached to the issue: %2</source>
        <translation>De foto %1 kon niet aan het probleem worden toegevoegd: %2</translation>
    </message>
    <message>
        <source>The photo %1 cannot be read.</source>
        <translation>De foto %1 kan niet worden gelezen.</translation>
    </message>
</context>
<context>
    <name>ery::ui::OperatorsTab</name>
    <message>
        <source>Deactivated</source>
        <translation>Gedeactiveerd</translation>
    </message>
    <message>
        <source>Locked until %1 (wrong PINs)</source>
        <translation>Geblokkeerd tot %1 (verkeerde pincodes)</translation>
    </message>
    <message>
        <source>Can sign in</source>
        <translation>Kan zich aanmelden</translation>
    </message>
    <message>
        <source>4 to 6 digits</source>
        <translation>4 tot 6 cijfers</translation>
    </message>
    <message>
        <source>&amp;New operator…</source>
        <translation>&amp;Nieuwe operator…</translation>
    </message>
    <message>
        <source>Reset &amp;PIN…</source>
        <translation>&amp;Pincode resetten…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Deblokkeren</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>&amp;Deactiveren…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Employee ID</source>
        <translation>Personeelsnummer</translation>
    </message>
    <message>
        <source>Terminal sign-in</source>
        <translation>Aanmelden op terminal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <source>Operators</source>
        <translation>Operators</translation>
    </message>
    <message>
        <source>The operator was not unlocked:</source>
        <translation>De operator is niet gedeblokkeerd:</translation>
    </message>
    <message>
        <source>The operator was not changed: %1</source>
        <translation>De operator is niet gewijzigd: %1</translation>
    </message>
    <message>
        <source>Deactivate operator</source>
        <translation>Operator deactiveren</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer sign in at a terminal; their time and work stay on record.</source>
        <translation>%1 deactiveren? Diegene kan zich niet meer aanmelden op een terminal; tijd en werk blijven bewaard.</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactiveren</translation>
    </message>
    <message>
        <source>Could not load the operators: %1</source>
        <translation>De operators konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>%1 operators, %2 locked out</source>
        <translation>%1 operators, %2 geblokkeerd</translation>
    </message>
    <message>
        <source>%1 operators</source>
        <translation>%1 operators</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>Nieuwe operator</translation>
    </message>
    <message>
        <source>Create operator</source>
        <translation>Operator aanmaken</translation>
    </message>
    <message>
        <source>What they type at the terminal; made up when empty</source>
        <translation>Wat ze op de terminal intypen; wordt bedacht als het leeg is</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>New PIN for %1</source>
        <translation>Nieuwe pincode voor %1</translation>
    </message>
    <message>
        <source>Set PIN</source>
        <translation>Pincode instellen</translation>
    </message>
    <message>
        <source>New PIN</source>
        <translation>Nieuwe pincode</translation>
    </message>
    <message>
        <source>This also unlocks the operator. Tell them the PIN in person.</source>
        <translation>Dit deblokkeert de operator ook. Vertel de pincode persoonlijk.</translation>
    </message>
</context>
<context>
    <name>ery::ui::ProductionDialog</name>
    <message>
        <source>One less: %1</source>
        <translation>Eén minder: %1</translation>
    </message>
    <message>
        <source>One more: %1</source>
        <translation>Eén meer: %1</translation>
    </message>
    <message>
        <source>Report production</source>
        <translation>Productie melden</translation>
    </message>
    <message>
        <source>Report production: %1</source>
        <translation>Productie melden: %1</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Goed</translation>
    </message>
    <message>
        <source>Good pieces</source>
        <translation>Goede stuks</translation>
    </message>
    <message>
        <source>Rework</source>
        <translation>Herbewerking</translation>
    </message>
    <message>
        <source>Pieces to rework</source>
        <translation>Stuks voor herbewerking</translation>
    </message>
    <message>
        <source>Scrap, by reason</source>
        <translation>Afkeur, per reden</translation>
    </message>
    <message>
        <source>Reading the scrap reasons…</source>
        <translation>De afkeurredenen worden gelezen…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Melden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The scrap reasons could not be read: %1</source>
        <translation>De afkeurredenen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Scrap: %1</source>
        <translation>Afkeur: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s) made</source>
        <translation>
            <numerusform>%n stuk gemaakt</numerusform>
            <numerusform>%n stuks gemaakt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scrapped</source>
        <translation>
            <numerusform>%n afgekeurd</numerusform>
            <numerusform>%n afgekeurd</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::QualityCharts</name>
    <message>
        <source>Scrap by reason</source>
        <translation>Afkeur per reden</translation>
    </message>
    <message>
        <source>Issues over time</source>
        <translation>Meldingen door de tijd</translation>
    </message>
    <message>
        <source>First-pass yield per cell</source>
        <translation>First-pass yield per cel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Laatste 7 dagen</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Laatste 30 dagen</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Laatste 90 dagen</translation>
    </message>
    <message>
        <source>Quality score</source>
        <translation>Kwaliteitsscore</translation>
    </message>
    <message>
        <source>The quality score could not be read: %1</source>
        <translation>De kwaliteitsscore kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>vraagt aandacht</translation>
    </message>
    <message>
        <source>good</source>
        <translation>goed</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>redelijk</translation>
    </message>
    <message>
        <source>Quality score %1 of 100: %2</source>
        <translation>Kwaliteitsscore %1 van 100: %2</translation>
    </message>
    <message>
        <source>no production</source>
        <translation>geen productie</translation>
    </message>
    <message>
        <source>%1 days on average to resolve</source>
        <translation>gemiddeld %1 dagen tot oplossing</translation>
    </message>
    <message>
        <source>nothing resolved yet</source>
        <translation>nog niets opgelost</translation>
    </message>
    <message>
        <source>%1 · yield %2 (half the score) · issues %3 of 100 (30 %) · resolution %4 of 100 (20 %), %5</source>
        <translation>%1 · opbrengst %2 (de helft van de score) · meldingen %3 van 100 (30 %) · oplossing %4 van 100 (20 %), %5</translation>
    </message>
    <message>
        <source>Scrap by reason (Pareto)</source>
        <translation>Afkeur per reden (Pareto)</translation>
    </message>
    <message>
        <source>could not be read: %1</source>
        <translation>kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>no scrap reported in this period</source>
        <translation>geen afkeur gemeld in deze periode</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n part(s) scrapped</source>
        <translation>
            <numerusform>%1 — %n onderdeel afgekeurd</numerusform>
            <numerusform>%1 — %n onderdelen afgekeurd</numerusform>
        </translation>
    </message>
    <message>
        <source>Scrapped</source>
        <translation>Afgekeurd</translation>
    </message>
    <message>
        <source>Cumulative share</source>
        <translation>Cumulatief aandeel</translation>
    </message>
    <message>
        <source>No reason</source>
        <translation>Geen reden</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Onderdelen</translation>
    </message>
    <message>
        <source>Issues reported</source>
        <translation>Gemelde meldingen</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n issue(s)</source>
        <translation>
            <numerusform>%1 — %n melding</numerusform>
            <numerusform>%1 — %n meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>First-pass yield</source>
        <translation>First-pass yield</translation>
    </message>
    <message>
        <source>no production reported in this period</source>
        <translation>geen productie gemeld in deze periode</translation>
    </message>
    <message>
        <source>%1 — %2 overall</source>
        <translation>%1 — %2 totaal</translation>
    </message>
    <message>
        <source>Yield</source>
        <translation>Opbrengst</translation>
    </message>
</context>
<context>
    <name>ery::ui::QualityPage</name>
    <message>
        <source>Quality</source>
        <translation>Kwaliteit</translation>
    </message>
    <message>
        <source>&amp;Issues and NCRs</source>
        <translation>&amp;Meldingen en NCR&apos;s</translation>
    </message>
    <message>
        <source>&amp;Scrap reasons</source>
        <translation>&amp;Afkeurredenen</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>&amp;Grafieken</translation>
    </message>
    <message>
        <source>Search issues…</source>
        <translation>Meldingen zoeken…</translation>
    </message>
    <message>
        <source>Search issues</source>
        <translation>Meldingen zoeken</translation>
    </message>
    <message>
        <source>Filters the issues by title, description, NCR number, job, part, operation or reporter</source>
        <translation>Filtert de meldingen op titel, beschrijving, NCR-nummer, order, onderdeel, bewerking of melder</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Ernst</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Alle niveaus</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>Could not load the issues: %1</source>
        <translation>De meldingen konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>Select an issue to see where it was reported, its NCR record and its review.</source>
        <translation>Kies een melding om te zien waar ze gemeld is, haar NCR-record en haar beoordeling.</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeld door</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Gemeld</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Machine</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Non-conformance report</source>
        <translation>Afwijkingsrapport (NCR)</translation>
    </message>
    <message>
        <source>NCR number</source>
        <translation>NCR-nummer</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>Beslissing</translation>
    </message>
    <message>
        <source>Affected parts</source>
        <translation>Betrokken onderdelen</translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation>Grondoorzaak</translation>
    </message>
    <message>
        <source>Corrective action</source>
        <translation>Corrigerende maatregel</translation>
    </message>
    <message>
        <source>Preventive action</source>
        <translation>Preventieve maatregel</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verificatie</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Beoordeling</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>Beoordeeld</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notities</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Gesloten</translation>
    </message>
    <message>
        <source>&amp;Approve…</source>
        <translation>&amp;Goedkeuren…</translation>
    </message>
    <message>
        <source>Re&amp;ject…</source>
        <translation>Af&amp;wijzen…</translation>
    </message>
    <message>
        <source>Cl&amp;ose…</source>
        <translation>&amp;Sluiten…</translation>
    </message>
    <message>
        <source>&amp;Verify NCR</source>
        <translation>NCR &amp;verifiëren</translation>
    </message>
    <message>
        <source>Approve issue</source>
        <translation>Melding goedkeuren</translation>
    </message>
    <message>
        <source>Accept the issue as reported, with notes on what happens next</source>
        <translation>De melding aanvaarden zoals gemeld, met notities over wat er nu gebeurt</translation>
    </message>
    <message>
        <source>Reject issue</source>
        <translation>Melding afwijzen</translation>
    </message>
    <message>
        <source>Reject the issue, saying why</source>
        <translation>De melding afwijzen, met de reden</translation>
    </message>
    <message>
        <source>Close issue</source>
        <translation>Melding sluiten</translation>
    </message>
    <message>
        <source>Close the reviewed issue, with how it was resolved</source>
        <translation>De beoordeelde melding sluiten, met hoe ze is opgelost</translation>
    </message>
    <message>
        <source>Verify NCR</source>
        <translation>NCR verifiëren</translation>
    </message>
    <message>
        <source>Record that the NCR&apos;s corrective action was checked and works</source>
        <translation>Vastleggen dat de corrigerende maatregel van de NCR is gecontroleerd en werkt</translation>
    </message>
    <message>
        <source>Issue action result</source>
        <translation>Resultaat van de actie op de melding</translation>
    </message>
    <message>
        <source>Operators pick these reasons when they report scrap. A reason no longer used is deactivated, not deleted, so past reports keep it.</source>
        <translation>Operators kiezen deze redenen als ze afkeur melden. Een reden die niet meer gebruikt wordt, wordt gedeactiveerd, niet verwijderd, zodat eerdere meldingen hem behouden.</translation>
    </message>
    <message>
        <source>&amp;New reason…</source>
        <translation>&amp;Nieuwe reden…</translation>
    </message>
    <message>
        <source>New scrap reason</source>
        <translation>Nieuwe afkeurreden</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>Edit scrap reason</source>
        <translation>Afkeurreden wijzigen</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactiveren</translation>
    </message>
    <message>
        <source>Deactivate or activate scrap reason</source>
        <translation>Afkeurreden deactiveren of activeren</translation>
    </message>
    <message>
        <source>Show &amp;inactive</source>
        <translation>&amp;Inactieve tonen</translation>
    </message>
    <message>
        <source>Scrap reasons</source>
        <translation>Afkeurredenen</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actief</translation>
    </message>
    <message>
        <source>Scrap reason result</source>
        <translation>Resultaat voor de afkeurreden</translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s)</source>
        <translation>
            <numerusform>%n melding</numerusform>
            <numerusform>%n meldingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n issue(s)</source>
        <translation>
            <numerusform>%1 van %n melding</numerusform>
            <numerusform>%1 van %n meldingen</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue without a title</source>
        <translation>Melding zonder titel</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Melding</translation>
    </message>
    <message>
        <source>%1 severity</source>
        <translation>Ernst %1</translation>
    </message>
    <message>
        <source>Looking up…</source>
        <translation>Opzoeken…</translation>
    </message>
    <message>
        <source>Stopped — the operation is on hold while this is pending</source>
        <translation>Gestopt — de bewerking staat stil zolang dit openstaat</translation>
    </message>
    <message>
        <source>Not stopped</source>
        <translation>Niet gestopt</translation>
    </message>
    <message>
        <source>Verified %1</source>
        <translation>Geverifieerd %1</translation>
    </message>
    <message>
        <source>Verified %1 by %2</source>
        <translation>Geverifieerd %1 door %2</translation>
    </message>
    <message>
        <source>Required, not yet verified</source>
        <translation>Vereist, nog niet geverifieerd</translation>
    </message>
    <message>
        <source>Not yet verified</source>
        <translation>Nog niet geverifieerd</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 door %2</translation>
    </message>
    <message>
        <source>Waiting for review</source>
        <translation>Wacht op beoordeling</translation>
    </message>
    <message>
        <source>“%1” approved.</source>
        <translation>“%1” goedgekeurd.</translation>
    </message>
    <message>
        <source>“%1” rejected.</source>
        <translation>“%1” afgewezen.</translation>
    </message>
    <message>
        <source>“%1” closed.</source>
        <translation>“%1” gesloten.</translation>
    </message>
    <message>
        <source>The NCR&apos;s corrective action is recorded as verified.</source>
        <translation>De corrigerende maatregel van de NCR is als geverifieerd vastgelegd.</translation>
    </message>
    <message>
        <source>The NCR was not verified: %1</source>
        <translation>De NCR is niet geverifieerd: %1</translation>
    </message>
    <message>
        <source>Someone verified it in the meantime; the detail shows when.</source>
        <translation>Iemand heeft het intussen geverifieerd; het detail toont wanneer.</translation>
    </message>
    <message>
        <source>The scrap reasons could not be loaded: %1</source>
        <translation>De afkeurredenen konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
    <message>
        <source>Scrap reason created.</source>
        <translation>Afkeurreden aangemaakt.</translation>
    </message>
    <message>
        <source>Scrap reason saved.</source>
        <translation>Afkeurreden opgeslagen.</translation>
    </message>
    <message>
        <source>%1 was not changed: %2</source>
        <translation>%1 is niet gewijzigd: %2</translation>
    </message>
    <message>
        <source>%1 is active again: operators can pick it.</source>
        <translation>%1 is weer actief: operators kunnen hem kiezen.</translation>
    </message>
    <message>
        <source>%1 is deactivated: operators no longer see it; past reports keep it.</source>
        <translation>%1 is gedeactiveerd: operators zien hem niet meer; eerdere meldingen behouden hem.</translation>
    </message>
</context>
<context>
    <name>ery::ui::QueueRowDelegate</name>
    <message numerus="yes">
        <source>OVERDUE %n d</source>
        <translation>
            <numerusform>%n DAG TE LAAT</numerusform>
            <numerusform>%n DAGEN TE LAAT</numerusform>
        </translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>VANDAAG</translation>
    </message>
    <message>
        <source>SOON: %1</source>
        <translation>BINNENKORT: %1</translation>
    </message>
    <message>
        <source>Due %1</source>
        <translation>Klaar %1</translation>
    </message>
    <message>
        <source>BULLET</source>
        <translation>SPOED</translation>
    </message>
    <message>
        <source>ON HOLD</source>
        <translation>GEPAUZEERD</translation>
    </message>
    <message numerus="yes">
        <source>%n piece(s)</source>
        <translation>
            <numerusform>%n stuk</numerusform>
            <numerusform>%n stuks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::RegisterPage</name>
    <message>
        <source>Register this terminal</source>
        <translation>Deze terminal registreren</translation>
    </message>
    <message>
        <source>Before operators can sign in here, an admin registers this terminal with the hub (%1).</source>
        <translation>Voordat operators zich hier kunnen aanmelden, registreert een beheerder deze terminal bij de hub (%1).</translation>
    </message>
    <message>
        <source>Terminal key</source>
        <translation>Terminalsleutel</translation>
    </message>
    <message>
        <source>Use this key</source>
        <translation>Deze sleutel gebruiken</translation>
    </message>
    <message>
        <source>Admin username</source>
        <translation>Gebruikersnaam beheerder</translation>
    </message>
    <message>
        <source>Admin password</source>
        <translation>Wachtwoord beheerder</translation>
    </message>
    <message>
        <source>Sign in and register</source>
        <translation>Aanmelden en registreren</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Gebruikersnaam:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Wachtwoord:</translation>
    </message>
    <message>
        <source>A terminal key made on the admin workstation (Integrations → API keys, scope Floor terminal):</source>
        <translation>Een terminalsleutel, gemaakt op het beheerwerkstation (Integraties → API-sleutels, rechten Werkvloerterminal):</translation>
    </message>
    <message>
        <source>Or an admin signs in here, and the terminal makes its own key:</source>
        <translation>Of een beheerder meldt zich hier aan, en de terminal maakt zelf een sleutel:</translation>
    </message>
    <message>
        <source>That is not a terminal key: it starts with ery_live_ and has 41 characters. Copy it again from the admin workstation.</source>
        <translation>Dat is geen terminalsleutel: die begint met ery_live_ en heeft 41 tekens. Kopieer hem opnieuw van het beheerwerkstation.</translation>
    </message>
    <message>
        <source>Type the admin&apos;s username and password.</source>
        <translation>Typ de gebruikersnaam en het wachtwoord van de beheerder.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Aanmelden…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. Check the network, or whether the hub is running.</source>
        <translation>De hub is niet bereikbaar. Controleer het netwerk, en of de hub draait.</translation>
    </message>
    <message>
        <source>Not signed in: %1</source>
        <translation>Niet aangemeld: %1</translation>
    </message>
    <message>
        <source>Terminal %1</source>
        <translation>Terminal %1</translation>
    </message>
    <message>
        <source>This user may not register terminals: an admin must sign in.</source>
        <translation>Deze gebruiker mag geen terminals registreren: een beheerder moet zich aanmelden.</translation>
    </message>
    <message>
        <source>The terminal could not be registered: %1</source>
        <translation>De terminal kon niet worden geregistreerd: %1</translation>
    </message>
    <message>
        <source>Registering with the demo shop…</source>
        <translation>Registreren bij het demobedrijf…</translation>
    </message>
    <message>
        <source>The hub could not be asked about its shop: %1</source>
        <translation>De hub kon niet naar zijn bedrijf worden gevraagd: %1</translation>
    </message>
    <message>
        <source>This hub holds a shop that is not the demo: an admin registers the terminal.</source>
        <translation>Deze hub bevat een ander bedrijf dan het demobedrijf: een beheerder registreert de terminal.</translation>
    </message>
    <message>
        <source>Loading the demo shop…</source>
        <translation>Het demobedrijf wordt geladen…</translation>
    </message>
    <message>
        <source>The demo shop could not be loaded: %1</source>
        <translation>Het demobedrijf kon niet worden geladen: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::ResourcesTab</name>
    <message>
        <source>Available</source>
        <translation>Beschikbaar</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In gebruik</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <translation>In onderhoud</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Buiten gebruik</translation>
    </message>
    <message>
        <source>&amp;New resource…</source>
        <translation>&amp;Nieuw middel…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Wijzigen…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactiveren</translation>
    </message>
    <message>
        <source>Resource</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Kenmerk</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Locatie</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>Gedeactiveerd</translation>
    </message>
    <message>
        <source>Resources</source>
        <translation>Middelen</translation>
    </message>
    <message>
        <source>The resource was not changed: %1</source>
        <translation>Het middel is niet gewijzigd: %1</translation>
    </message>
    <message>
        <source>Could not load the resources: %1</source>
        <translation>De middelen konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>No resources yet: machines, tools, fixtures and moulds operations need.</source>
        <translation>Nog geen middelen: machines, gereedschappen, opspanmiddelen en mallen die bewerkingen nodig hebben.</translation>
    </message>
    <message>
        <source>%1 resources</source>
        <translation>%1 middelen</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Activeren</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 wijzigen</translation>
    </message>
    <message>
        <source>New resource</source>
        <translation>Nieuw middel</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Create resource</source>
        <translation>Middel aanmaken</translation>
    </message>
    <message>
        <source>e.g. Press brake 7</source>
        <translation>bijv. Kantbank 7</translation>
    </message>
    <message>
        <source>machine, tool, fixture, mould…</source>
        <translation>machine, gereedschap, opspanmiddel, mal…</translation>
    </message>
    <message>
        <source>asset or serial number</source>
        <translation>inventaris- of serienummer</translation>
    </message>
    <message>
        <source>hall, bay or rack</source>
        <translation>hal, vak of stelling</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Resource name</source>
        <translation>Naam van het middel</translation>
    </message>
</context>
<context>
    <name>ery::ui::ReviewNotesDialog</name>
    <message>
        <source>Approve issue</source>
        <translation>Melding goedkeuren</translation>
    </message>
    <message>
        <source>Approve “%1”. What was decided, and what happens next?</source>
        <translation>“%1” goedkeuren. Wat is er besloten, en wat gebeurt er nu?</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Goedkeuren</translation>
    </message>
    <message>
        <source>Reject issue</source>
        <translation>Melding afwijzen</translation>
    </message>
    <message>
        <source>Reject “%1”. Say why, so the operator who reported it knows.</source>
        <translation>“%1” afwijzen. Zeg waarom, zodat de operator die het meldde het weet.</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Afwijzen</translation>
    </message>
    <message>
        <source>Close issue</source>
        <translation>Melding sluiten</translation>
    </message>
    <message>
        <source>Close “%1”. How was it resolved? (optional)</source>
        <translation>“%1” sluiten. Hoe is het opgelost? (optioneel)</translation>
    </message>
    <message>
        <source>C&amp;lose issue</source>
        <translation>Melding &amp;sluiten</translation>
    </message>
    <message>
        <source>Resolution notes</source>
        <translation>Notities over de oplossing</translation>
    </message>
    <message>
        <source>Review notes</source>
        <translation>Notities bij de beoordeling</translation>
    </message>
    <message>
        <source>Notes (required)</source>
        <translation>Notities (verplicht)</translation>
    </message>
    <message>
        <source>Review problem</source>
        <translation>Probleem bij de beoordeling</translation>
    </message>
    <message>
        <source>Write the notes above, then try again.</source>
        <translation>Schrijf hierboven de notities en probeer het dan opnieuw.</translation>
    </message>
    <message>
        <source>The issue was changed in the meantime, perhaps at another workstation; the list shows its current status.</source>
        <translation>De melding is intussen gewijzigd, misschien op een ander werkstation; de lijst toont de huidige status.</translation>
    </message>
    <message>
        <source>Check the connection to the hub, then try again.</source>
        <translation>Controleer de verbinding met de hub en probeer het dan opnieuw.</translation>
    </message>
</context>
<context>
    <name>ery::ui::ScrapReasonDialog</name>
    <message>
        <source>New scrap reason</source>
        <translation>Nieuwe afkeurreden</translation>
    </message>
    <message>
        <source>Edit scrap reason</source>
        <translation>Afkeurreden wijzigen</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>e.g. EDGE-BURR</source>
        <translation>bijv. BRAAM-RAND</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>What went wrong, as operators will pick it</source>
        <translation>Wat er misging, zoals operators het kiezen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Scrap reason problem</source>
        <translation>Probleem met de afkeurreden</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beschrijving</translation>
    </message>
    <message>
        <source>C&amp;ategory</source>
        <translation>C&amp;ategorie</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Aanmaken</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Materiaal</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Proces</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Uitrusting</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Ontwerp</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <source>Choose another code, or edit the reason that already has it.</source>
        <translation>Kies een andere code, of wijzig de reden die hem al heeft.</translation>
    </message>
    <message>
        <source>Correct the field, then save again.</source>
        <translation>Verbeter het veld en sla dan opnieuw op.</translation>
    </message>
    <message>
        <source>Check the connection to the hub, then try again.</source>
        <translation>Controleer de verbinding met de hub en probeer het dan opnieuw.</translation>
    </message>
</context>
<context>
    <name>ery::ui::SecretDialog</name>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiëren</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Naar het klembord kopiëren</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Gekopieerd</translation>
    </message>
    <message>
        <source>I have stored it</source>
        <translation>Ik heb het bewaard</translation>
    </message>
</context>
<context>
    <name>ery::ui::SettingsDialog</name>
    <message>
        <source>Database</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Data directory</source>
        <translation>Gegevensmap</translation>
    </message>
    <message>
        <source>HTTPS certificate</source>
        <translation>HTTPS-certificaat</translation>
    </message>
    <message>
        <source>HTTPS private key</source>
        <translation>Privésleutel voor HTTPS</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>shop.db in the data directory</source>
        <translation>shop.db in de gegevensmap</translation>
    </message>
    <message>
        <source>A SQLite file, or a PostgreSQL address such as postgresql://eryxon@db-server:5432/eryxon</source>
        <translation>Een SQLite-bestand, of een PostgreSQL-adres zoals postgresql://eryxon@db-server:5432/eryxon</translation>
    </message>
    <message>
        <source>Shop data</source>
        <translation>Bedrijfsgegevens</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>SQLite databases (*.db *.sqlite);;All files (*)</source>
        <translation>SQLite-databases (*.db *.sqlite);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Data &amp;directory:</source>
        <translation>&amp;Gegevensmap:</translation>
    </message>
    <message>
        <source>&amp;Serve the REST API and realtime feed from this workstation</source>
        <translation>De REST API en de realtime-feed aan&amp;bieden vanaf dit werkstation</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>API-adres</translation>
    </message>
    <message>
        <source>127.0.0.1 — this computer only</source>
        <translation>127.0.0.1 — alleen deze computer</translation>
    </message>
    <message>
        <source>0.0.0.0 — every network of this computer</source>
        <translation>0.0.0.0 — elk netwerk van deze computer</translation>
    </message>
    <message>
        <source>API port</source>
        <translation>API-poort</translation>
    </message>
    <message>
        <source>none: plain HTTP</source>
        <translation>geen: gewoon HTTP</translation>
    </message>
    <message>
        <source>Hub API</source>
        <translation>API van de hub</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adres:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Poort:</translation>
    </message>
    <message>
        <source>HTTPS &amp;certificate:</source>
        <translation>HTTPS-&amp;certificaat:</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer);;All files (*)</source>
        <translation>PEM-bestanden (*.pem *.crt *.cer);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>HTTPS private &amp;key:</source>
        <translation>Privé&amp;sleutel:</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.key);;All files (*)</source>
        <translation>PEM-bestanden (*.pem *.key);;Alle bestanden (*)</translation>
    </message>
    <message>
        <source>Look</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Zoals het systeem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>&amp;Kleuren:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bladeren…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Bladeren naar %1</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>Niet opgeslagen:</translation>
    </message>
    <message>
        <source>Not saved: the settings file %1 could not be written.</source>
        <translation>Niet opgeslagen: het instellingenbestand %1 kon niet worden geschreven.</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Instellingen opgeslagen</translation>
    </message>
    <message>
        <source>Eryxon uses the new settings the next time it starts.</source>
        <translation>Eryxon gebruikt de nieuwe instellingen bij de volgende start.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>Nu &amp;herstarten</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Later</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <source>This &amp;workstation&apos;s own database</source>
        <translation>De eigen database van dit &amp;werkstation</translation>
    </message>
    <message>
        <source>A hub on &amp;another machine</source>
        <translation>Een &amp;hub op een andere computer</translation>
    </message>
    <message>
        <source>Hub address</source>
        <translation>Adres van de hub</translation>
    </message>
    <message>
        <source>https://10.0.0.5:8787</source>
        <translation>https://10.0.0.5:8787</translation>
    </message>
    <message>
        <source>Hub certificate fingerprint</source>
        <translation>Vingerafdruk van het hubcertificaat</translation>
    </message>
    <message>
        <source>none: the certificates this computer trusts</source>
        <translation>geen: de certificaten die deze computer vertrouwt</translation>
    </message>
    <message>
        <source>The SHA-256 fingerprint of the hub&apos;s own certificate (AB:CD:…), for a hub whose certificate no authority signed. Eryxon names it when it refuses an unknown certificate; compare it with the hub&apos;s before pinning it.</source>
        <translation>De SHA-256-vingerafdruk van het eigen certificaat van de hub (AB:CD:…), voor een hub waarvan geen certificeringsinstantie het certificaat heeft ondertekend. Eryxon noemt hem als het een onbekend certificaat weigert; vergelijk hem met die van de hub voordat u hem vastzet.</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <source>Hub add&amp;ress:</source>
        <translation>Ad&amp;res van de hub:</translation>
    </message>
    <message>
        <source>Pinned certificate (&amp;SHA-256):</source>
        <translation>Vastgezet certi&amp;ficaat (SHA-256):</translation>
    </message>
    <message>
        <source>This workstation is a &amp;floor terminal: operators sign in with their PIN at a touch screen</source>
        <translation>Dit werkstation is een werk&amp;vloerterminal: operators melden zich aan met hun pincode op een touchscreen</translation>
    </message>
    <message>
        <source>Idle lock of the terminal, in minutes</source>
        <translation>Minuten tot automatisch afmelden op de terminal</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Floor terminal</source>
        <translation>Werkvloerterminal</translation>
    </message>
    <message>
        <source>Sign the operator out after &amp;no touch for:</source>
        <translation>Operator afmelden als het scherm &amp;niet is aangeraakt gedurende:</translation>
    </message>
    <message>
        <source>A new language shows at once; other changes take effect the next time Eryxon starts. Options given on the command line (--db, --api-port, --api-bind, --no-api, --connect, --certificate-sha256, --theme, --language) win over these for that run.</source>
        <translation>Een nieuwe taal verschijnt meteen; andere wijzigingen gaan in bij de volgende start van Eryxon. Opties op de opdrachtregel (--db, --api-port, --api-bind, --no-api, --connect, --certificate-sha256, --theme, --language) gaan voor deze instellingen, voor die sessie.</translation>
    </message>
</context>
<context>
    <name>ery::ui::SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Aanmelden</translation>
    </message>
    <message>
        <source>Sign in to Eryxon MES</source>
        <translation>Aanmelden bij Eryxon MES</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Gebruikersnaam</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Sign-in problem</source>
        <translation>Probleem bij het aanmelden</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <translation>Aanmelden bij %1</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Voer uw gebruikersnaam en wachtwoord in.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until %1. Wait, or ask another admin to unlock it.</source>
        <translation>Te vaak een verkeerd wachtwoord: dit account is geblokkeerd tot %1. Wacht, of vraag een andere beheerder het te deblokkeren.</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked for 15 minutes. Wait, or ask another admin to unlock it.</source>
        <translation>Te vaak een verkeerd wachtwoord: dit account is 15 minuten geblokkeerd. Wacht, of vraag een andere beheerder het te deblokkeren.</translation>
    </message>
    <message numerus="yes">
        <source>Wrong username or password. %n attempt(s) left before the account is locked.</source>
        <translation>
            <numerusform>Verkeerde gebruikersnaam of wachtwoord. Nog %n poging voordat het account geblokkeerd wordt.</numerusform>
            <numerusform>Verkeerde gebruikersnaam of wachtwoord. Nog %n pogingen voordat het account geblokkeerd wordt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Verkeerde gebruikersnaam of wachtwoord.</translation>
    </message>
    <message>
        <source>This account is deactivated. Ask another admin to reactivate it.</source>
        <translation>Dit account is gedeactiveerd. Vraag een andere beheerder het weer te activeren.</translation>
    </message>
    <message>
        <source>The hub cannot be reached: %1</source>
        <translation>De hub is niet bereikbaar: %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::TerminalStatusBar</name>
    <message>
        <source>Time on the current operation</source>
        <translation>Tijd aan de huidige bewerking</translation>
    </message>
    <message>
        <source>Nobody signed in</source>
        <translation>Niemand aangemeld</translation>
    </message>
    <message>
        <source>%1 · not working on anything</source>
        <translation>%1 · nergens mee bezig</translation>
    </message>
    <message>
        <source>%1 · working on %2</source>
        <translation>%1 · bezig met %2</translation>
    </message>
    <message>
        <source>an operation</source>
        <translation>een bewerking</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● Verbonden</translation>
    </message>
    <message numerus="yes">
        <source>● Connected — sending %n action(s)…</source>
        <translation>
            <numerusform>● Verbonden — %n actie wordt verstuurd…</numerusform>
            <numerusform>● Verbonden — %n acties worden verstuurd…</numerusform>
        </translation>
    </message>
    <message>
        <source>● Hub unreachable — what you do here will be sent when it is back</source>
        <translation>● Hub onbereikbaar — wat u hier doet, wordt verstuurd zodra hij terug is</translation>
    </message>
    <message numerus="yes">
        <source>● Hub unreachable — %n action(s) waiting, they will be sent when it is back</source>
        <translation>
            <numerusform>● Hub onbereikbaar — %n actie wacht en wordt verstuurd zodra hij terug is</numerusform>
            <numerusform>● Hub onbereikbaar — %n acties wachten en worden verstuurd zodra hij terug is</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::TerminalWindow</name>
    <message>
        <source>Eryxon floor terminal</source>
        <translation>Eryxon werkvloerterminal</translation>
    </message>
    <message>
        <source>The hub no longer accepts this terminal&apos;s key (it was revoked). An admin registers the terminal again.</source>
        <translation>De hub accepteert de sleutel van deze terminal niet meer (hij is ingetrokken). Een beheerder registreert de terminal opnieuw.</translation>
    </message>
    <message>
        <source>Your session ended; sign in again.</source>
        <translation>Uw sessie is verlopen; meld u opnieuw aan.</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Niet uitgevoerd</translation>
    </message>
    <message>
        <source>This terminal could not write down your action, so it was not done: %1</source>
        <translation>Deze terminal kon uw actie niet vastleggen, dus is die niet uitgevoerd: %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <source>Signed out after %n minute(s) without a touch.</source>
        <translation>
            <numerusform>Afgemeld na %n minuut zonder aanraking.</numerusform>
            <numerusform>Afgemeld na %n minuten zonder aanraking.</numerusform>
        </translation>
    </message>
    <message>
        <source>This terminal is registered. Operators sign in with their employee id and PIN.</source>
        <translation>Deze terminal is geregistreerd. Operators melden zich aan met hun personeelsnummer en pincode.</translation>
    </message>
    <message>
        <source>An action could not be done</source>
        <translation>Een actie kon niet worden uitgevoerd</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Niet uitgevoerd: %1</translation>
    </message>
    <message>
        <source>Taken at %1%2. The hub refused it: %3

The queue shows how things stand now; do it again if it is still needed.</source>
        <translation>Ingevoerd om %1%2. De hub weigerde het: %3

De werkvoorraad toont hoe het er nu voor staat; doe het opnieuw als het nog nodig is.</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> door %1</translation>
    </message>
</context>
<context>
    <name>ery::ui::WebhooksTab</name>
    <message>
        <source>All events</source>
        <translation>Alle gebeurtenissen</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Afgeleverd</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislukt</translation>
    </message>
    <message>
        <source>Failing, will try again</source>
        <translation>Mislukt, wordt opnieuw geprobeerd</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wacht op verzending</translation>
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
        <translation>&amp;Nieuwe webhook…</translation>
    </message>
    <message>
        <source>Rotate &amp;secret…</source>
        <translation>&amp;Geheim vernieuwen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>Send &amp;again</source>
        <translation>&amp;Opnieuw versturen</translation>
    </message>
    <message>
        <source>Send all &amp;failed again…</source>
        <translation>Alle &amp;mislukte opnieuw versturen…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>&amp;Vernieuwen</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Gebeurtenissen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Uit</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>On, failing since %1</source>
        <translation>Aan, mislukt sinds %1</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschrijving</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>No webhooks yet. Add one to have the shop&apos;s events posted, signed, to another system&apos;s URL.</source>
        <translation>Nog geen webhooks. Voeg er een toe om de gebeurtenissen van het bedrijf, ondertekend, naar de URL van een ander systeem te sturen.</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Aangemaakt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Gebeurtenis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Laatste antwoord</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Volgende poging</translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook</source>
        <translation>Afleveringen van de gekozen webhook</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tijd</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwoord</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Geen antwoord</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duur</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Response or error</source>
        <translation>Antwoord of fout</translation>
    </message>
    <message>
        <source>New webhook</source>
        <translation>Nieuwe webhook</translation>
    </message>
    <message>
        <source>Send the shop&apos;s events to a URL</source>
        <translation>De gebeurtenissen van het bedrijf naar een URL sturen</translation>
    </message>
    <message>
        <source>Rotate signing secret</source>
        <translation>Ondertekeningsgeheim vernieuwen</translation>
    </message>
    <message>
        <source>Make a new signing secret; the old one keeps working for 24 hours</source>
        <translation>Een nieuw ondertekeningsgeheim maken; het oude blijft 24 uur werken</translation>
    </message>
    <message>
        <source>Delete webhook</source>
        <translation>Webhook verwijderen</translation>
    </message>
    <message>
        <source>Stop sending events to the selected URL and forget its log</source>
        <translation>Geen gebeurtenissen meer naar de gekozen URL sturen en het log vergeten</translation>
    </message>
    <message>
        <source>Send the selected delivery again</source>
        <translation>De gekozen aflevering opnieuw versturen</translation>
    </message>
    <message>
        <source>Send the selected delivery again, now</source>
        <translation>De gekozen aflevering nu opnieuw versturen</translation>
    </message>
    <message>
        <source>Send every failed delivery again</source>
        <translation>Elke mislukte aflevering opnieuw versturen</translation>
    </message>
    <message>
        <source>Send every failed delivery of this webhook since a time again</source>
        <translation>Elke mislukte aflevering van deze webhook sinds een tijdstip opnieuw versturen</translation>
    </message>
    <message>
        <source>Refresh the delivery log</source>
        <translation>Het afleverlog vernieuwen</translation>
    </message>
    <message>
        <source>Read the delivery log again</source>
        <translation>Het afleverlog opnieuw lezen</translation>
    </message>
    <message>
        <source>Could not load the webhooks: %1</source>
        <translation>De webhooks konden niet worden geladen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n webhook(s)</source>
        <translation>
            <numerusform>%n webhook</numerusform>
            <numerusform>%n webhooks</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a webhook to see its deliveries.</source>
        <translation>Kies een webhook om zijn afleveringen te zien.</translation>
    </message>
    <message>
        <source>Could not load the deliveries: %1</source>
        <translation>De afleveringen konden niet worden geladen: %1</translation>
    </message>
    <message>
        <source>No deliveries yet: events the webhook subscribes to appear here.</source>
        <translation>Nog geen afleveringen: gebeurtenissen waarop de webhook geabonneerd is, verschijnen hier.</translation>
    </message>
    <message numerus="yes">
        <source>Deliveries: %n not delivered</source>
        <translation>
            <numerusform>Afleveringen: %n niet afgeleverd</numerusform>
            <numerusform>Afleveringen: %n niet afgeleverd</numerusform>
        </translation>
    </message>
    <message>
        <source>Create webhook</source>
        <translation>Webhook aanmaken</translation>
    </message>
    <message>
        <source>https://erp.example.com/eryxon</source>
        <translation>https://erp.example.com/eryxon</translation>
    </message>
    <message>
        <source>What receives it, e.g. ERP</source>
        <translation>Wat het ontvangt, bijv. ERP</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL van de webhook</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Beschrijving:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Gebeurtenissen:</translation>
    </message>
    <message>
        <source>Webhook created</source>
        <translation>Webhook aangemaakt</translation>
    </message>
    <message>
        <source>Events now go to %1, signed with this secret. The receiver checks the webhook-signature header with it (docs: Event delivery, Verify).</source>
        <translation>Gebeurtenissen gaan nu naar %1, ondertekend met dit geheim. De ontvanger controleert er de header webhook-signature mee (docs: Event delivery, Verify).</translation>
    </message>
    <message>
        <source>Copy the signing secret now and give it to the receiver: it is shown only this once and cannot be retrieved again. If it is lost, rotate it.</source>
        <translation>Kopieer het ondertekeningsgeheim nu en geef het aan de ontvanger: het wordt alleen deze ene keer getoond en kan niet opnieuw worden opgevraagd. Raakt het kwijt, vernieuw het dan.</translation>
    </message>
    <message>
        <source>Make a new signing secret for %1?</source>
        <translation>Een nieuw ondertekeningsgeheim maken voor %1?</translation>
    </message>
    <message>
        <source>Deliveries are signed with both secrets for 24 hours, so the receiver can switch to the new one without missing an event. After that only the new one is valid.</source>
        <translation>Afleveringen worden 24 uur met beide geheimen ondertekend, zodat de ontvanger kan overstappen op het nieuwe zonder een gebeurtenis te missen. Daarna is alleen het nieuwe geldig.</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>The secret of %1 was not rotated: %2</source>
        <translation>Het geheim van %1 is niet vernieuwd: %2</translation>
    </message>
    <message>
        <source>New signing secret</source>
        <translation>Nieuw ondertekeningsgeheim</translation>
    </message>
    <message>
        <source>The new signing secret of %1:</source>
        <translation>Het nieuwe ondertekeningsgeheim van %1:</translation>
    </message>
    <message>
        <source>Copy it now and give it to the receiver: it is shown only this once. The old secret stays valid for 24 hours.</source>
        <translation>Kopieer het nu en geef het aan de ontvanger: het wordt alleen deze ene keer getoond. Het oude geheim blijft 24 uur geldig.</translation>
    </message>
    <message>
        <source>Delete the webhook to %1?</source>
        <translation>De webhook naar %1 verwijderen?</translation>
    </message>
    <message>
        <source>No more events are sent there, and its delivery log is deleted with it.</source>
        <translation>Er worden geen gebeurtenissen meer naartoe gestuurd, en het afleverlog wordt mee verwijderd.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>The webhook to %1 was not deleted: %2</source>
        <translation>De webhook naar %1 is niet verwijderd: %2</translation>
    </message>
    <message>
        <source>The %1 delivery is being sent again.</source>
        <translation>De aflevering van %1 wordt opnieuw verstuurd.</translation>
    </message>
    <message>
        <source>The %1 delivery could not be sent again: %2</source>
        <translation>De aflevering van %1 kon niet opnieuw worden verstuurd: %2</translation>
    </message>
    <message>
        <source>Send failed deliveries again</source>
        <translation>Mislukte afleveringen opnieuw versturen</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw versturen</translation>
    </message>
    <message>
        <source>Every delivery to %1 that failed since this time is sent again, with its original event id.</source>
        <translation>Elke aflevering naar %1 die sinds dit tijdstip mislukte, wordt opnieuw verstuurd, met haar oorspronkelijke event-id.</translation>
    </message>
    <message>
        <source>Failed &amp;since:</source>
        <translation>Mislukt &amp;sinds:</translation>
    </message>
    <message>
        <source>Failed since</source>
        <translation>Mislukt sinds</translation>
    </message>
    <message>
        <source>No failed deliveries in that time: nothing was sent again.</source>
        <translation>Geen mislukte afleveringen in die tijd: er is niets opnieuw verstuurd.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed delivery(s) are being sent again.</source>
        <translation>
            <numerusform>%n mislukte aflevering wordt opnieuw verstuurd.</numerusform>
            <numerusform>%n mislukte afleveringen worden opnieuw verstuurd.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkPage</name>
    <message>
        <source>Cell</source>
        <translation>Cel</translation>
    </message>
    <message>
        <source>Switch operator</source>
        <translation>Operator wisselen</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>In bewerking</translation>
    </message>
    <message>
        <source>Nothing is running here. Touch a waiting operation below, then Start.</source>
        <translation>Hier loopt niets. Tik hieronder een wachtende bewerking aan en dan op Starten.</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Buffer</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>The cells could not be read: %1</source>
        <translation>De cellen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>This shop has no cells yet: an admin adds them under Cells &amp; operators.</source>
        <translation>Dit bedrijf heeft nog geen cellen: een beheerder voegt ze toe onder Cellen &amp; operators.</translation>
    </message>
    <message>
        <source>The queue of this cell could not be read: %1</source>
        <translation>De werkvoorraad van deze cel kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>That operation is not waiting or running in %1.</source>
        <translation>Die bewerking wacht niet en loopt niet in %1.</translation>
    </message>
    <message>
        <source>Buffer — next up</source>
        <translation>Buffer — als volgende</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The operation you had open is no longer waiting here (completed, or moved).</source>
        <translation>De bewerking die u open had, wacht hier niet meer (afgerond of verplaatst).</translation>
    </message>
    <message>
        <source>This is the last cell of the shop.</source>
        <translation>Dit is de laatste cel van het bedrijf.</translation>
    </message>
    <message>
        <source>%1 of %2 jobs</source>
        <translation>%1 van %2 orders</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>geen limiet</translation>
    </message>
    <message>
        <source>PAUSE — the next cell, %1, is full (%2): finish nothing more into it for now.</source>
        <translation>PAUZE — de volgende cel, %1, is vol (%2): rond voorlopig niets meer af voor die cel.</translation>
    </message>
    <message>
        <source>GO — the next cell, %1, has room (%2).</source>
        <translation>DOORGAAN — de volgende cel, %1, heeft ruimte (%2).</translation>
    </message>
    <message>
        <source>No operation has the code %1.</source>
        <translation>Geen bewerking heeft de code %1.</translation>
    </message>
    <message>
        <source>%1 is completed already.</source>
        <translation>%1 is al afgerond.</translation>
    </message>
    <message>
        <source>Nothing was found for the code %1: not an operation, job or part of this shop.</source>
        <translation>Niets gevonden voor de code %1: geen bewerking, order of onderdeel van dit bedrijf.</translation>
    </message>
    <message>
        <source>%1 has no open work: every operation is completed.</source>
        <translation>%1 heeft geen open werk: elke bewerking is afgerond.</translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkQueuePage</name>
    <message numerus="yes">
        <source>WIP: %n job(s), limit %1</source>
        <translation>
            <numerusform>OHW: %n order, limiet %1</numerusform>
            <numerusform>OHW: %n orders, limiet %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>WIP: %n job(s), no limit</source>
        <translation>
            <numerusform>OHW: %n order, geen limiet</numerusform>
            <numerusform>OHW: %n orders, geen limiet</numerusform>
        </translation>
    </message>
    <message>
        <source>Work queue</source>
        <translation>Werkvoorraad</translation>
    </message>
    <message>
        <source>Drag a waiting card onto In process to start it, or onto another cell to move it there.</source>
        <translation>Sleep een wachtende kaart naar In bewerking om hem te starten, of naar een andere cel om hem daarheen te verplaatsen.</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Cellen</translation>
    </message>
    <message>
        <source>Job, part, customer or operation…</source>
        <translation>Order, onderdeel, klant of bewerking…</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>De werkvoorraad doorzoeken</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Leverdatum</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Elke leverdatum</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Te laat</translation>
    </message>
    <message>
        <source>Due within 3 days</source>
        <translation>Binnen 3 dagen te leveren</translation>
    </message>
    <message>
        <source>Due within 7 days</source>
        <translation>Binnen 7 dagen te leveren</translation>
    </message>
    <message>
        <source>Bullet Cards only</source>
        <translation>Alleen spoedkaarten</translation>
    </message>
    <message>
        <source>Nothing running here. Drag a card from Buffer or Expected to start it.</source>
        <translation>Hier loopt niets. Sleep een kaart uit Buffer of Verwacht om hem te starten.</translation>
    </message>
    <message>
        <source>No work waiting.</source>
        <translation>Geen wachtend werk.</translation>
    </message>
    <message>
        <source>In process</source>
        <translation>In bewerking</translation>
    </message>
    <message>
        <source>Buffer</source>
        <translation>Buffer</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Verwacht</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pauzeren</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Afronden</translation>
    </message>
    <message>
        <source>Move to cell</source>
        <translation>Naar cel verplaatsen</translation>
    </message>
    <message>
        <source>The cells could not be read: %1</source>
        <translation>De cellen konden niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>%1: %2 running, %3 on hold, %4 waiting. WIP counts the jobs with work waiting or running here.</source>
        <translation>%1: %2 bezig, %3 gepauzeerd, %4 wachtend. OHW telt de orders met wachtend of lopend werk hier.</translation>
    </message>
    <message>
        <source>The queue of this cell could not be read: %1</source>
        <translation>De werkvoorraad van deze cel kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <source>No cells yet: add them under Cells</source>
        <translation>Nog geen cellen: voeg ze toe onder Cellen</translation>
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
        <translation>%1 (%2 van %3)</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Hervatten</translation>
    </message>
    <message>
        <source>Its status was changed in the meantime, perhaps at a terminal. The board shows its current status.</source>
        <translation>De status is intussen gewijzigd, misschien op een terminal. Het bord toont de huidige status.</translation>
    </message>
    <message>
        <source>%1 could not be resumed.</source>
        <translation>%1 kon niet worden hervat.</translation>
    </message>
    <message>
        <source>%1 could not be started.</source>
        <translation>%1 kon niet worden gestart.</translation>
    </message>
    <message>
        <source>%1 could not be paused.</source>
        <translation>%1 kon niet worden gepauzeerd.</translation>
    </message>
    <message>
        <source>%1 could not be completed.</source>
        <translation>%1 kon niet worden afgerond.</translation>
    </message>
    <message>
        <source>%1 could not be moved to %2.</source>
        <translation>%1 kon niet naar %2 worden verplaatst.</translation>
    </message>
</context>
<context>
    <name>ery::ui::WorkstationSettings</name>
    <message>
        <source>The database address must look like postgresql://user@host:5432/eryxon.</source>
        <translation>Het databaseadres moet eruitzien als postgresql://user@host:5432/eryxon.</translation>
    </message>
    <message>
        <source>The database %1 is a folder: name a file in it, such as shop.db.</source>
        <translation>De database %1 is een map: geef een bestand erin op, zoals shop.db.</translation>
    </message>
    <message>
        <source>The folder of the database, %1, does not exist.</source>
        <translation>De map van de database, %1, bestaat niet.</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be a folder: %2 is a file.</source>
        <translation>De gegevensmap %1 kan geen map zijn: %2 is een bestand.</translation>
    </message>
    <message>
        <source>The data directory %1 cannot be written: %2 is not writable for you.</source>
        <translation>In de gegevensmap %1 kan niet worden geschreven: %2 is voor u niet schrijfbaar.</translation>
    </message>
    <message>
        <source>The API address &quot;%1&quot; is not an IP address: use 127.0.0.1 for this computer only, or 0.0.0.0 for the network.</source>
        <translation>Het API-adres &quot;%1&quot; is geen IP-adres: gebruik 127.0.0.1 voor alleen deze computer, of 0.0.0.0 voor het netwerk.</translation>
    </message>
    <message>
        <source>The API port must be a number from 1 to 65535.</source>
        <translation>De API-poort moet een getal van 1 tot 65535 zijn.</translation>
    </message>
    <message>
        <source>HTTPS needs both a certificate and its private key; give both, or neither for plain HTTP.</source>
        <translation>HTTPS heeft zowel een certificaat als de privésleutel nodig; geef beide, of geen van beide voor gewoon HTTP.</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Het bestand %1 kan niet worden gelezen.</translation>
    </message>
    <message>
        <source>The look must be system, light or dark.</source>
        <translation>Het uiterlijk moet system, light of dark zijn.</translation>
    </message>
    <message>
        <source>The language must be system, en, nl or de.</source>
        <translation>De taal moet system, en, nl of de zijn.</translation>
    </message>
    <message>
        <source>The terminal&apos;s idle lock must be from 1 to 720 minutes.</source>
        <translation>De tijd tot automatisch afmelden op de terminal moet 1 tot 720 minuten zijn.</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Eryxon MES desktop: the shop admin workstation.</source>
        <translation>Eryxon MES desktop: het beheerwerkstation van het bedrijf.</translation>
    </message>
    <message>
        <source>SQLite file or postgresql:// URL (default: the one in Settings, else %1).</source>
        <translation>SQLite-bestand of postgresql://-URL (standaard: die uit Instellingen, anders %1).</translation>
    </message>
    <message>
        <source>Load the demo shop into an empty database without asking.</source>
        <translation>Het demobedrijf zonder te vragen in een lege database laden.</translation>
    </message>
    <message>
        <source>Port of the embedded REST API (default: Settings, else 8787).</source>
        <translation>Poort van de ingebouwde REST API (standaard: Instellingen, anders 8787).</translation>
    </message>
    <message>
        <source>Address the REST API listens on (default: Settings, else 127.0.0.1; 0.0.0.0 opens it to the LAN).</source>
        <translation>Adres waarop de REST API luistert (standaard: Instellingen, anders 127.0.0.1; 0.0.0.0 opent hem voor het LAN).</translation>
    </message>
    <message>
        <source>Do not serve the REST API from this workstation.</source>
        <translation>De REST API niet vanaf dit werkstation aanbieden.</translation>
    </message>
    <message>
        <source>&quot;off&quot; pauses outgoing webhooks and MQTT (resume from the banner).</source>
        <translation>&quot;off&quot; pauzeert uitgaande webhooks en MQTT (hervatten vanuit de balk).</translation>
    </message>
    <message>
        <source>The panel to open on (dashboard, jobs, quality, …; default jobs).</source>
        <translation>Het paneel om mee te openen (dashboard, jobs, quality, …; standaard jobs).</translation>
    </message>
    <message>
        <source>Colours: light, dark, or system to follow the desktop (default: Settings, else system).</source>
        <translation>Kleuren: light, dark, of system om het bureaublad te volgen (standaard: Instellingen, anders system).</translation>
    </message>
    <message>
        <source>Save a PNG of the window to PATH once the panel has loaded, then quit (with --demo).</source>
        <translation>Een PNG van het venster in PATH opslaan zodra het paneel geladen is, en dan stoppen (met --demo).</translation>
    </message>
    <message>
        <source>Eryxon MES</source>
        <translation>Eryxon MES</translation>
    </message>
    <message>
        <source>--theme takes light, dark or system, got &quot;%1&quot;.</source>
        <translation>--theme verwacht light, dark of system, niet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--integrations takes &quot;off&quot;, got &quot;%1&quot;.</source>
        <translation>--integrations verwacht &quot;off&quot;, niet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The folder %1 of --db does not exist.</source>
        <translation>De map %1 van --db bestaat niet.</translation>
    </message>
    <message>
        <source>--api-port needs a port number, got &quot;%1&quot;.</source>
        <translation>--api-port verwacht een poortnummer, niet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Eryxon could not open its database.
%1</source>
        <translation>Eryxon kon zijn database niet openen.
%1</translation>
    </message>
    <message>
        <source>database %1, API on %2:%3%4</source>
        <translation>database %1, API op %2:%3%4</translation>
    </message>
    <message>
        <source> (HTTPS)</source>
        <translation> (HTTPS)</translation>
    </message>
    <message>
        <source>database %1, no API</source>
        <translation>database %1, geen API</translation>
    </message>
    <message>
        <source>Language: en (English), nl (Nederlands), de (Deutsch), or system to follow the desktop (default: Settings, else system).</source>
        <translation>Taal: en (English), nl (Nederlands), de (Deutsch), of system om het bureaublad te volgen (standaard: Instellingen, anders system).</translation>
    </message>
    <message>
        <source>--language takes en, nl, de or system, got &quot;%1&quot;.</source>
        <translation>--language verwacht en, nl, de of system, niet &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Work with the hub at this address (http(s)://HOST:PORT) instead of a database of this workstation (default: Settings).</source>
        <translation>Met de hub op dit adres werken (http(s)://HOST:PORT) in plaats van met een database van dit werkstation (standaard: Instellingen).</translation>
    </message>
    <message>
        <source>With --connect: trust the hub&apos;s certificate with this SHA-256 fingerprint (AB:CD:…) even if no authority signed it.</source>
        <translation>Met --connect: het certificaat van de hub met deze SHA-256-vingerafdruk (AB:CD:…) vertrouwen, ook als geen certificeringsinstantie het ondertekende.</translation>
    </message>
    <message>
        <source>Start as a floor terminal: operators sign in with their PIN at a touch screen.</source>
        <translation>Als werkvloerterminal starten: operators melden zich aan met hun pincode op een touchscreen.</translation>
    </message>
    <message>
        <source>Start as the admin workstation, also when Settings made this one a floor terminal.</source>
        <translation>Als beheerwerkstation starten, ook als dit werkstation in Instellingen een werkvloerterminal is.</translation>
    </message>
    <message>
        <source>With --terminal --demo --screenshot: the screen to take (login, queues, detail, drawing or report).</source>
        <translation>Met --terminal --demo --screenshot: het scherm om vast te leggen (login, queues, detail, drawing of report).</translation>
    </message>
    <message>
        <source>The window&apos;s size for --screenshot (default 1280x800).</source>
        <translation>De grootte van het venster voor --screenshot (standaard 1280x800).</translation>
    </message>
    <message>
        <source>--connect and --db exclude each other: work with a hub, or with a database here.</source>
        <translation>--connect en --db sluiten elkaar uit: werk met een hub, of met een database hier.</translation>
    </message>
    <message>
        <source>--certificate-sha256 goes with --connect.</source>
        <translation>--certificate-sha256 hoort bij --connect.</translation>
    </message>
    <message>
        <source>the hub at %1%2</source>
        <translation>de hub op %1%2</translation>
    </message>
    <message>
        <source> (pinned certificate)</source>
        <translation> (vastgezet certificaat)</translation>
    </message>
</context>
</TS>
