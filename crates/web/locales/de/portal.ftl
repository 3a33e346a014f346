app-name = Switchboard
skip-link = Zum Inhalt springen
nav-home = Startseite
nav-security = Sicherheit
language = Sprache
sign-out = Abmelden
errors-summary = Es gibt ein Problem
# Zwischen dem Namen eines Feldes und dem Fehler.
label-separator = {":"}{" "}
continue = Weiter

sign-in-title = Anmelden
login-name = Anmeldename
password = Kennwort
sign-in-button = Anmelden
forgot-link = Kennwort vergessen?
sign-in-failed = Anmeldename oder Kennwort ist nicht richtig.
session-expired = Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.

two-step-title = Zwei-Schritt-Anmeldung
two-step-totp-hint = Geben Sie den 6-stelligen Code ein, den Ihre Authenticator-App gerade anzeigt, oder einen Ihrer Wiederherstellungscodes.
two-step-email-hint = Wir haben einen 6-stelligen Code per E-Mail an Ihren persönlichen Kontakt gesendet. Er gilt 10 Minuten.
two-step-sms-hint = Wir haben einen 6-stelligen Code per SMS an Ihren persönlichen Kontakt gesendet. Er gilt 10 Minuten.
code = Code
challenge-voided = Zu viele falsche Codes. Melden Sie sich erneut an, um einen neuen zu erhalten.

password-change-title = Kennwort ändern
password-change-forced = Bevor es weitergeht, wählen Sie bitte ein neues Kennwort.
current-password = Aktuelles Kennwort
new-password = Neues Kennwort
password-hint = Mindestens 12 Zeichen. Einige zusammenhanglose Wörter ergeben ein starkes Kennwort; Ihr Name, Ihre E-Mail-Adresse und „Switchboard“ zählen nicht.
change-password = Kennwort ändern
password-changed = Ihr Kennwort wurde geändert. Ihre anderen Sitzungen wurden abgemeldet.

forgot-title = Kennwort vergessen
forgot-hint = Geben Sie Ihren Anmeldenamen ein: Wir senden einen Link zum Festlegen eines neuen Kennworts an die E-Mail-Adresse des Zugangs.
send-link = Link senden
forgot-sent = Falls dieser Zugang existiert, ist ein Link an seine E-Mail-Adresse unterwegs. Er gilt einmal, 60 Minuten lang.
reset-title = Neues Kennwort wählen
invitation-title = Willkommen, { $name }
invitation-hint = Legen Sie das Kennwort Ihres Switchboard-Zugangs { $login } fest.
set-password = Kennwort festlegen
link-expired = Dieser Link ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen an.
password-set = Ihr Kennwort ist festgelegt. Melden Sie sich damit an.

home-title = Willkommen, { $name }
home-intro = Sie sind im Switchboard-Portal angemeldet.
home-role = Rolle
home-enterprise = Unternehmen
home-login = Anmeldename
home-email = E-Mail
role-user = Benutzer
role-team_lead = Teamleiter
role-site_admin = Standortadministrator
role-enterprise_admin = Unternehmensadministrator
role-operator = Betreiber (Anbieter)

security-title = Sicherheit
security-password = Kennwort
security-two-step = Zwei-Schritt-Anmeldung
security-totp-on = Eine Authenticator-App ist eingerichtet. Verbleibende Wiederherstellungscodes: { $count }.
security-totp-off = Es ist keine Authenticator-App eingerichtet.
security-two-step-required = Ihr Administrator verlangt die Zwei-Schritt-Anmeldung. Ohne App wird bei jeder Anmeldung ein Code an Ihren persönlichen Kontakt gesendet.
totp-start = Authenticator-App einrichten
totp-scan = Scannen Sie diesen Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel unten ein. Geben Sie dann den 6-stelligen Code ein, den sie anzeigt.
totp-key = Schlüssel
totp-confirm = Einschalten
totp-disable = Authenticator-App ausschalten
totp-enabled = Die Authenticator-App ist eingeschaltet. Ihre anderen Sitzungen wurden abgemeldet.
totp-disabled = Die Authenticator-App ist ausgeschaltet. Ihre anderen Sitzungen wurden abgemeldet.
recovery-title = Ihre Wiederherstellungscodes
recovery-hint = Bewahren Sie diese Codes sicher auf. Verlieren Sie Ihr Telefon, ersetzt jeder Code einmal einen Code der App. Sie werden nur jetzt angezeigt.
security-sessions = Sitzungen
sign-out-everywhere = Überall abmelden
sign-out-everywhere-hint = Beendet jede Sitzung Ihres Zugangs auf jedem Gerät, auch diese.
signed-out = Sie sind abgemeldet.
signed-out-everywhere = Sie sind auf allen Geräten abgemeldet.
sign-in-again = Für diese Änderung melden Sie sich bitte zuerst erneut an.

error-title = Etwas ist schiefgegangen
error-text = Die Seite konnte nicht angezeigt werden. Versuchen Sie es erneut; passiert es wieder, geben Sie Ihrem Administrator diese Referenz: { $reference }
not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es nichts.
csrf-failed = Dieses Formular ist abgelaufen. Laden Sie die Seite neu und senden Sie es erneut.
back-home = Zurück zur Startseite

error-required = Dieses Feld ist erforderlich.
error-password-too-short = Das Kennwort braucht mindestens 12 Zeichen.
error-password-too-long = Das Kennwort darf höchstens 256 Zeichen haben.
error-password-too-weak = Dieses Kennwort ist zu leicht zu erraten. Einige zusammenhanglose Wörter ergeben ein starkes; lassen Sie Ihren Namen und Ihre E-Mail-Adresse weg.
error-password-unchanged = Wählen Sie ein anderes Kennwort als das aktuelle.
error-wrong-password = Das ist nicht Ihr aktuelles Kennwort.
error-wrong-code = Dieser Code ist nicht richtig oder wurde bereits verwendet. Geben Sie den aktuellen ein.

nav-tokens = API-Tokens
tokens-title = Persönliche API-Tokens
tokens-hint = Mit einem Token nutzt ein Skript die API in Ihrem Namen, mit Ihrer Rolle – nie mehr. Es endet, wenn Sie deaktiviert oder gelöscht werden.
tokens-none = Sie haben keine API-Tokens.
token-name = Name
token-created = Erstellt
token-last-used = Zuletzt verwendet
token-expires = Läuft ab
token-never = nie
token-revoke = Widerrufen
token-revoked = widerrufen
token-new = Neues Token
token-days = Gültig für (Tage)
token-create = Token erstellen
token-created-title = Ihr neues API-Token
token-shown-once = Kopieren Sie dieses Token jetzt: Es wird nur dieses eine Mal angezeigt. Senden Sie es als „Authorization: Bearer …“.
token-revoked-flash = Das Token wurde widerrufen.

## Verwaltung (Seeds 000–004)
nav-users = Benutzer einrichten
nav-licences = Lizenzen
nav-numbers = Rufnummern
nav-audit = Audit-Protokoll
security-tokens-link = Ihre persönlichen API-Tokens verwalten
switcher-label = Wo Sie arbeiten
switcher-site = Standort
switcher-all-sites = Alle Standorte
switcher-go = Wechseln
switcher-change-enterprise = Unternehmen wechseln
enterprises-title = Unternehmen
enterprises-hint = Wählen Sie das Unternehmen, in dem Sie arbeiten möchten.
enterprises-none = Es gibt noch keine Unternehmen.
enterprise-name = Unternehmen
enterprise-open = In diesem Unternehmen arbeiten
sip-domain = SIP-Domain
forbidden-title = Nicht verfügbar
forbidden-admin-only = Diese Seiten sind für Administratoren. Ihre eigenen Einstellungen finden Sie unter Sicherheit.
audit-forbidden = Das Audit-Protokoll ist für Unternehmensadministratoren und Betreiber.
add = Hinzufügen
remove = Entfernen
save = Änderungen speichern
cancel = Abbrechen
copy = Kopieren
copied = Kopiert
print = Drucken
back-to-user = Zurück zum Benutzer

users-title = Benutzerverwaltung
users-add = Benutzer hinzufügen
users-search = Suchen
users-search-hint = Name, E-Mail-Adresse oder Durchwahl. Die Ergebnisse werden während der Eingabe aktualisiert.
users-filter-any = Alle
users-apply = Anwenden
users-active-filters = Aktive Filter
users-remove-filter = Filter entfernen
users-refresh = Aktualisieren
users-none = Keine passenden Benutzer.
users-pages = Seiten
users-first-page = Erste Seite
users-next-page = Nächste Seite
users-columns = Spalten
users-columns-hint = Diese Spalten anzeigen
users-columns-save = Spalten speichern
columns-saved = Ihre Spaltenauswahl ist gespeichert.
users-col-name = Name
users-col-login = Benutzername
users-col-email = E-Mail
users-col-extension = Durchwahl
users-col-number = Rufnummer
users-col-role = Rolle
users-col-teams = Teams
users-col-groups = Gruppen
users-col-department = Abteilung
users-col-contact = Persönlicher Kontakt
users-col-state = Status
users-col-site = Standort
users-col-licence = Lizenz
users-col-device = Gerätetyp

state-pending = Ausstehend
state-active = Aktiv
state-failed = Aktivierung fehlgeschlagen
state-deactivated = Deaktiviert
state-pending-meaning = Kann Anrufe tätigen, aber erst empfangen, wenn die Rufnummer aktiviert ist.
state-active-meaning = Kann Anrufe tätigen und empfangen.
state-failed-meaning = Die Rufnummer konnte nicht aktiviert werden: Anrufe tätigen ist möglich, empfangen nicht. Ein Betreiber kann die Aktivierung erneut versuchen.
state-deactivated-meaning = Kann das Telefon nicht nutzen. Anrufer hören eine Ansage und werden zum Abfangziel weitergeleitet.
language-en = Englisch
language-de = Deutsch
language-fr = Französisch

user-new-title = Benutzer hinzufügen
user-duplicate-of = Eine Kopie von { $name }: Standort, Rolle, Lizenzen, Gerätetyp, Abteilung und Teams werden übernommen; Name, E-Mail-Adresse, Rufnummern und Anmeldedaten nicht.
user-section-person = Person
user-section-telephony = Telefonie
user-section-organisation = Rolle und Organisation
user-section-sign-in = Anmeldung am Portal
user-section-configuration = Konfiguration
user-choose = Bitte wählen…
user-none = Keine
user-site-hint = Der Standort, zu dem der Benutzer gehört.
user-first-name = Vorname
user-last-name = Nachname
user-email = E-Mail
user-email-hint = Zugleich der Benutzername für die Anmeldung, sofern Sie unten keinen anderen festlegen.
user-email-change-hint = Wird sofort wirksam; ein Benutzername, der die E-Mail-Adresse war, ändert sich mit.
user-language = Sprache
user-contact = Persönlicher Kontakt
user-contact-hint = Eine E-Mail-Adresse oder Mobilfunknummer für Anmeldecodes. Optional, außer wenn die Zwei-Schritt-Anmeldung vorgeschrieben ist.
user-package = Lizenztyp
user-package-hint = Jeder Telefonie-Benutzer braucht eine Paketlizenz.
user-addons = Zusatzoptionen
user-addons-hint = Supervisor: nur für Supervisoren nötig, die die Supervisor-Werkzeuge eines Callcenters nutzen. Supervisor kann jeder auch ohne diese Option sein.
user-number = Rufnummer
user-number-hint = Aus den freien Rufnummern des Unternehmens: Tippen Sie, um zu suchen.
user-number-change-hint = Eine neue Rufnummer gibt die alte sofort frei.
user-extension = Durchwahl
user-extension-hint = Nur Ziffern. Bleibt das Feld leer, werden die letzten Ziffern der Rufnummer verwendet.
user-extension-length = Länge: { $value } Ziffern.
user-device = Gerätetyp
user-device-hint = Für „ohne Tischtelefon“ sind eine Mobilfunknummer und eine Vertragsnummer nötig.
user-device-change-hint = Ein neues Gerät erhält neue Anmeldedaten, die einmal angezeigt werden.
user-mobile = Mobilfunknummer
user-mobile-hint = Mobilfunknummer beim Netzbetreiber, z. B. +491701234567.
user-contract = Vertragsnummer
user-contract-hint = Die Nummer des Mobilfunkvertrags.
user-role-hint = Was der Benutzer in diesem Portal tun darf.
user-department-hint = Abteilungen richtet der Unternehmensadministrator ein.
user-password-mode = Portal-Kennwort
user-password-invite = Einladung senden: Der Benutzer wählt sein Kennwort selbst
user-password-set = Jetzt ein Kennwort festlegen
user-password = Kennwort
user-password-hint = Mindestens 12 Zeichen; einige zusammenhanglose Wörter ergeben ein starkes Kennwort.
user-must-change = Muss bei der ersten Anmeldung geändert werden
user-two-step = Zwei-Schritt-Anmeldung verlangen
user-advanced = Erweitert: Benutzername
user-login = Benutzername
user-login-hint = Nur wenn er von der E-Mail-Adresse abweichen soll.
user-create = Benutzer hinzufügen
licence-free = { $count } frei
licence-none-free = Keine freie Lizenz
licence-none-free-text = Jede gekaufte Paketlizenz ist zugewiesen. Kaufen Sie weitere, bevor Sie Benutzer hinzufügen.

sip-login-title = Anmeldedaten für das Tischtelefon
sip-login-created = { $name } wurde hinzugefügt. Geben Sie diese Anmeldedaten im Tischtelefon oder Softphone ein.
sip-login-renewed = Neue Anmeldedaten für { $name }. Das alte Kennwort funktioniert nicht mehr.
sip-login-once = Nur dieses eine Mal angezeigt: Kopieren oder drucken Sie sie jetzt.
sip-login-none = Es wurden keine Anmeldedaten ausgegeben.
sip-username = Benutzername
sip-password = Kennwort

user-title = Benutzer
user-actions = Aktionen
user-edit = Bearbeiten
user-edit-title = { $name } bearbeiten
user-details = Details
user-created = Erstellt
user-intercept = Anrufe werden abgefangen
user-push-retrying = Die Telefonanlage hat die letzte Änderung noch nicht übernommen; sie wird in Kürze erneut versucht. Grund: { $error }
user-push-failed = Die Telefonanlage hat die letzte Änderung nicht übernommen; Telefone verhalten sich daher womöglich anders als hier angezeigt. Ein Operator kann sie in der Auftragsliste erneut anstoßen. Grund: { $error }
user-sip-login = Neue Anmeldedaten
user-sip-login-title = Neue Anmeldedaten für { $name }
sip-login-consequence = Das aktuelle Kennwort des Tischtelefons funktioniert sofort nicht mehr; die neuen Anmeldedaten werden einmal angezeigt.
user-deactivate = Benutzer deaktivieren
user-deactivate-title = { $name } deaktivieren
user-reactivate = Benutzer reaktivieren
user-retry = Aktivierung erneut versuchen
user-invite = Neue Einladung senden
user-duplicate = Duplizieren
user-delete = Benutzer löschen
user-delete-title = { $name } löschen?
user-alternative-numbers = Alternative Rufnummern
user-alternative-hint = Bis zu 10; jede belegt eine Lizenz „Additional Number“.
user-alternative-add = Rufnummer hinzufügen
remove-number-title = Alternative Rufnummer von { $name } entfernen?
remove-number-licence = Die zugehörige Lizenz „Additional Number“ wird frei.
user-history = Verlauf
user-changed-meanwhile = Jemand anderes hat diesen Benutzer inzwischen geändert. Hier sind die aktuellen Werte; nehmen Sie Ihre Änderung erneut vor.
user-updated = Die Änderungen sind gespeichert.
user-deactivated = Der Benutzer ist deaktiviert; seine Anrufe werden abgefangen.
user-reactivated = Der Benutzer ist wieder aktiv.
user-deleted = Der Benutzer wurde gelöscht.
user-activation-retried = Die Aktivierung wird erneut versucht.
user-invited = Eine neue Einladung wurde gesendet.
reason-pending = Nicht möglich, solange der Benutzer den Status „Ausstehend“ hat (bis die Rufnummer aktiviert ist).
reason-failed = Nicht möglich, solange die Aktivierung fehlgeschlagen ist; ein Betreiber kann sie erneut versuchen.
reason-deactivated = Nicht möglich, solange der Benutzer deaktiviert ist; reaktivieren Sie ihn zuerst.
reason-already-deactivated = Der Benutzer ist bereits deaktiviert.
reason-not-deactivated = Nur ein deaktivierter Benutzer kann reaktiviert werden.
reason-not-failed = Nur eine fehlgeschlagene Aktivierung kann erneut versucht werden.
reason-operator-only = Nur die Betreiber des Anbieters können das tun.
reason-enterprise-admin = Standortadministratoren können keinen Unternehmensadministrator ändern.
deactivate-intro = Die Rufnummer bleibt beim Benutzer. Anrufer hören eine Ansage und werden weitergeleitet.
intercept-action = Abfangaktion
intercept-announce_new_number = Neue Rufnummer ansagen
intercept-transfer_on_zero = Weiterleiten, wenn der Anrufer die 0 drückt
intercept-destination = Neues Ziel
intercept-destination-hint = Die Durchwahl eines aktiven Benutzers oder einer Callcenter-Warteschlange desselben Standorts: Namen oder Durchwahl eingeben.
intercept-queue = Warteschlange { $name }
delete-frees-number = Rufnummer { $value } wird frei.
delete-frees-licences = Diese Lizenzen werden frei: { $value }.
delete-extension = Durchwahl { $value } wird frei.
delete-leaves-teams = Der Benutzer verlässt diese Teams: { $value }.
delete-revokes = Die Anmeldung des Tischtelefons, die Portal-Sitzungen und die API-Tokens funktionieren nicht mehr.
delete-final = Dies kann nicht rückgängig gemacht werden.

licences-title = Lizenzen
licences-hint = Abgerechnet werden die gekauften Lizenzen, ob zugewiesen oder nicht.
licence-type = Lizenztyp
licence-kind = Art
licence-kind-package = Paket
licence-kind-addon = Zusatzoption
licence-purchased = Gekauft
licence-assigned = Zugewiesen
licence-free-col = Frei
licence-price = Preis pro Monat
licence-monthly = Monatlich
licence-total = Summe pro Monat
licences-buy-more = Um weitere Lizenzen zu kaufen, wenden Sie sich an Ihren Anbieter.
purchase-title = Kauf erfassen
purchase-quantity = Menge
purchase-quantity-hint = Negativ, um nicht zugewiesene Lizenzen zu kündigen.
purchase-note = Notiz
purchase-record = Kauf erfassen
purchase-recorded = Der Kauf ist erfasst.

numbers-title = Rufnummern
numbers-show = Anzeigen
numbers-all = Alle Rufnummern
numbers-prefix = Beginnend mit
numbers-none = Keine passenden Rufnummern.
numbers-status = Status
numbers-holder = Zugewiesen an
numbers-other-site = ein Benutzer eines anderen Standorts
number-free = Frei
number-assigned = Zugewiesen
number-usage-primary = (Rufnummer)
number-usage-alternative = (alternative Rufnummer)

audit-title = Audit-Protokoll
audit-none = Noch nichts erfasst.
audit-when = Wann
audit-who = Wer
audit-where = Von wo
audit-what = Was
audit-changes = Vorher → nachher
audit-clear = Alles anzeigen

error-invalid-name = Prüfen Sie die Länge: Ein Vorname hat 1 bis 23 Zeichen, ein Nachname 1 bis 30.
error-invalid-email = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
error-invalid-login-name = Ein Benutzername hat 3 bis 254 Zeichen ohne Leerzeichen.
error-invalid-extension = Die Durchwahl besteht nur aus Ziffern, in der Länge, die dieses Unternehmen zulässt.
error-invalid-e164 = Geben Sie die Rufnummer im internationalen Format ein: + und 8 bis 15 Ziffern, z. B. +493012345678.
error-invalid-contract-number = Geben Sie die Vertragsnummer wie im Vertrag ein (Buchstaben, Ziffern, - und /).
error-invalid-contact = Ein persönlicher Kontakt hat 1 bis 254 Zeichen.
error-invalid-choice = Wählen Sie einen der angebotenen Werte.
error-unknown-reference = Diese Auswahl gibt es nicht (mehr). Wählen Sie eine andere.
error-unknown-number = Diese Rufnummer gehört nicht zum Rufnummernbestand Ihres Unternehmens; wählen Sie eine freie.
error-invalid-destination = Das Ziel muss ein anderer aktiver Benutzer oder eine Callcenter-Warteschlange desselben Standorts sein.
error-duplicate = Dies ist doppelt aufgeführt.
error-too-long = Dies ist zu lang.
error-too-short = Geben Sie mindestens 3 Zeichen ein.
error-out-of-range = Dieser Wert liegt außerhalb des zulässigen Bereichs.
error-invalid-id = Dies ist keine gültige Referenz.
error-invalid-cursor = Dieser Seitenlink ist veraltet; beginnen Sie bei der ersten Seite.
error-managed-licence = Diese Zusatzoption gehört zu jeder alternativen Rufnummer; sie wird nicht direkt gewählt.
error-wrong-licence-kind = Diese Lizenz ist hier von der falschen Art.
problem-number-taken = Die Rufnummer { $value } ist bereits jemandem zugewiesen. Wählen Sie eine freie.
problem-extension-taken = Die Durchwahl { $value } wird in diesem Unternehmen bereits verwendet. Geben Sie eine andere ein.
problem-login-taken = Der Benutzername { $value } wird bereits verwendet. Legen Sie unter „Erweitert“ einen anderen Benutzernamen fest.
problem-licence-exhausted = Keine freie Lizenz „{ $value }“: Jede gekaufte ist zugewiesen. Kaufen Sie weitere, um fortzufahren.
problem-user-not-active = Nicht möglich, solange der Benutzer den Status „{ $value }“ hat.
problem-forbidden = Ihre Rolle erlaubt dies nicht.
problem-not-found = Dies existiert nicht mehr.
problem-intercept-destination = Dieser Benutzer erhält die abgefangenen Anrufe eines deaktivierten Benutzers. Geben Sie diesen Anrufen zuerst ein anderes Ziel.
problem-too-many-numbers = Ein Benutzer hat höchstens 10 alternative Rufnummern.
problem-licences-in-use = Damit würden Lizenzen gekündigt, die zugewiesen sind.
problem-invalid-state = Im aktuellen Status des Benutzers nicht möglich.

## Massenbearbeitung (B-1, B-2, L-8)
back-to-users = Zurück zu den Benutzern
users-import = Benutzer importieren
users-select = Auswählen
users-select-all = Alle Benutzer dieser Seite auswählen
bulk-label = Mit den ausgewählten Benutzern
bulk-choose = Aktion wählen…
bulk-apply = Ausführen
bulk-reset_passwords = Portal-Kennwort zurücksetzen
bulk-new_device_passwords = Neues Tischtelefon-Kennwort
bulk-delete = Löschen
bulk-reset_passwords-title = { $count ->
    [1] Portal-Kennwort eines Benutzers zurücksetzen
   *[other] Portal-Kennwort von { $count } Benutzern zurücksetzen
}
bulk-new_device_passwords-title = { $count ->
    [1] Neues Tischtelefon-Kennwort für einen Benutzer
   *[other] Neue Tischtelefon-Kennwörter für { $count } Benutzer
}
bulk-delete-title = { $count ->
    [1] Einen Benutzer löschen
   *[other] { $count } Benutzer löschen
}
bulk-reset_passwords-consequence = Jeder Benutzer erhält eine E-Mail mit einer neuen Einladung, sein Kennwort festzulegen; frühere Links funktionieren nicht mehr.
bulk-new_device_passwords-consequence = Das Tischtelefon jedes Benutzers erhält neue Anmeldedaten; das alte Kennwort funktioniert nicht mehr und das Telefon muss neu eingerichtet werden. Die neuen Anmeldedaten werden einmal angezeigt.
bulk-delete-consequence = Jeder Benutzer wird gelöscht, seine Rufnummern und Lizenzen werden frei, soweit die Regeln es erlauben (ausstehende Benutzer können nicht gelöscht werden). Das lässt sich nicht rückgängig machen.
bulk-confirm = Bestätigen
bulk-done = Erledigt
bulk-refused = Abgelehnt
bulk-outcome = Ergebnis
bulk-reason = Grund
bulk-internal = Bei uns ist etwas schiefgegangen; für diesen Benutzer hat sich nichts geändert.
bulk-summary-done = Erledigt für { $count }.
bulk-summary-refused = Abgelehnt für { $count }.
bulk-choose-action = Wählen Sie, was mit den ausgewählten Benutzern geschehen soll.
bulk-none-selected = Wählen Sie zuerst mindestens einen Benutzer aus.
bulk-too-many = Wählen Sie höchstens 1.000 Benutzer auf einmal aus.
import-title = Benutzer importieren
import-check-title = Prüfung der Datei
import-intro = Legen Sie viele Benutzer auf einmal aus einer als CSV gespeicherten Tabelle an. Jede Zeile wird zuerst geprüft; dann werden alle Zeilen importiert oder keine.
import-step-template = 1. Vorlage herunterladen
import-template = Vorlage (CSV)
import-template-hint = die Spalten und eine Beispielzeile, die mit # beginnt
import-values = Zulässige Werte (CSV)
import-values-hint = was jede Spalte annimmt: Ihre Standorte, Lizenzen mit freier Anzahl, Gerätetypen, Abteilungen, Teams
import-export = Ihre Benutzer (CSV mit ;)
import-export-hint = dieselben Spalten: bearbeiten, Zeilen hinzufügen und wieder importieren
import-export-comma = mit Kommas
import-step-upload = 2. Datei hochladen
import-file = CSV-Datei
import-file-hint = UTF-8, getrennt durch ; oder , — höchstens 128 MiB und 200.000 Benutzer. Geschrieben wird erst, wenn Sie bestätigen.
import-choose-file = Wählen Sie eine Datei zum Hochladen.
import-check = Datei prüfen
import-running = Diese Seite aktualisiert sich selbst, bis die Arbeit erledigt ist.
import-status-queued = Wartet
import-status-checking = Wird geprüft
import-status-writing = Wird geschrieben
import-status-done = Fertig
import-status-refused = Abgelehnt
import-status-failed = Fehlgeschlagen
import-rows = { $count ->
    [1] Eine Zeile gelesen.
   *[other] { $count } Zeilen gelesen.
}
import-rows-checked = { $count ->
    [1] Bisher eine Zeile geprüft.
   *[other] Bisher { $count } Zeilen geprüft.
}
import-created = { $count ->
    [1] Ein Benutzer angelegt (ausstehend, bis sein Telefon aktiviert ist).
   *[other] { $count } Benutzer angelegt (ausstehend, bis ihre Telefone aktiviert sind).
}
import-invited = { $count ->
    [1] Eine Einladung versandt.
   *[other] { $count } Einladungen versandt.
}
import-would-create = { $count ->
    [1] Ein Benutzer würde angelegt.
   *[other] { $count } Benutzer würden angelegt.
}
import-would-invite = { $count ->
    [1] Eine Einladung würde versandt.
   *[other] { $count } Einladungen würden versandt.
}
import-unchanged = { $count ->
    [1] Eine Zeile entspricht einem bestehenden Benutzer und bleibt, wie sie ist.
   *[other] { $count } Zeilen entsprechen bestehenden Benutzern und bleiben, wie sie sind.
}
import-problems = { $count ->
    [1] Ein Problem gefunden.
   *[other] { $count } Probleme gefunden.
}
import-nothing-written = Es wurde nichts geschrieben. Korrigieren Sie die Zeilen unten und laden Sie die Datei erneut hoch.
import-more-problems = { $count ->
    [1] …und ein weiteres Problem, nicht aufgeführt.
   *[other] …und { $count } weitere Probleme, nicht aufgeführt.
}
import-problems-caption = Probleme, nach Zeile und Spalte, wie Ihre Tabelle sie zeigt
import-row = Zeile
import-column = Spalte
import-value = Wert
import-problem = Problem
import-upload-again = Korrigierte Datei hochladen
import-confirm = Diese Benutzer importieren
import-see-users = Die neuen Benutzer ansehen
import-upload-broken = Der Upload konnte nicht gelesen werden; versuchen Sie es erneut.
import-not-confirmable = Diese Prüfung wurde bereits importiert oder ist älter als eine Stunde. Laden Sie die Datei erneut hoch.
import-unreadable = Die Datei konnte nicht gelesen werden.
import-encoding = Das ist kein UTF-8-Text: Speichern Sie die Datei als „CSV UTF-8“ und laden Sie sie erneut hoch.
import-malformed = Diese Zeile lässt sich nicht als CSV lesen: Prüfen Sie die Anführungszeichen.
import-too-many-rows = Eine Datei enthält höchstens { $max } Benutzer: Teilen Sie sie auf und importieren Sie die Teile nacheinander.
import-ragged-row = Diese Zeile hat { $cells } Zellen, die Kopfzeile { $header }: Prüfen Sie Trennzeichen und Anführungszeichen.
import-too-long = Eine Zelle enthält höchstens { $max } Zeichen.
import-formula = Kein Wert beginnt hier mit = + - oder @: Eine Tabellenkalkulation würde ihn als Formel ausführen. Schreiben Sie '= für den Text.
import-empty = Die Datei enthält keine Benutzer: Sie braucht die Kopfzeile und mindestens einen Benutzer.
import-duplicate-column = Diese Spalte steht zweimal in der Kopfzeile.
import-unknown-column = Diese Spalte gehört nicht zur Vorlage.
import-missing-column = Der Kopfzeile fehlt diese Spalte; sie ist erforderlich.
import-required = Diese Spalte ist erforderlich; die Zelle ist leer.
import-unknown-reference = Das gibt es in Ihrem Unternehmen nicht oder es liegt außerhalb Ihrer Reichweite: siehe die zulässigen Werte.
import-duplicate-in-file = Steht auch in Zeile { $earlier } der Datei.
import-site-change = Ein Import verschiebt keine Benutzer an einen anderen Standort; dieser Benutzer behält seinen Standort.
import-device-change = Ein neues Tischtelefon bekommt neue Anmeldedaten, die einmal angezeigt werden: Ändern Sie das Gerät auf der Seite des Benutzers.
import-user-not-active = Dieser Benutzer ist { $state }: Rufnummer, Durchwahl, Lizenzen, Mobil- und Vertragsnummer ändern sich nur, solange er aktiv ist.
import-changed-since-check = Dieser Benutzer wurde seit der Prüfung der Datei von jemand anderem geändert: Prüfen Sie die Datei erneut.
import-updated = { $count ->
    [1] Ein Benutzer geändert.
   *[other] { $count } Benutzer geändert.
}
import-would-update = { $count ->
    [1] Ein Benutzer würde geändert.
   *[other] { $count } Benutzer würden geändert.
}
import-login-taken = Dieser Benutzername ist bereits vergeben.
import-extension-taken = Diese Durchwahl ist in diesem Unternehmen bereits vergeben.
import-number-taken = Diese Rufnummer ist bereits jemandem zugewiesen.
import-unknown-number = Diese Rufnummer gehört nicht zum Rufnummernbestand Ihres Unternehmens.
import-licence-exhausted = Die Datei braucht { $need } dieser Lizenz und { $free } sind frei: Kaufen Sie { $missing } weitere.
import-too-large = Eine Datei hat höchstens 128 MiB: Teilen Sie sie auf und importieren Sie die Teile nacheinander.
import-internal = Der Import konnte nicht laufen; es wurde nichts geschrieben. Versuchen Sie es später erneut.
device-passwords-title = Geräte-Kennwort-Manager
device-passwords-intro = Neue Tischtelefon-Kennwörter für alle Benutzer eines Standorts auf einmal: etwa nach dem Verlust eines Telefons oder wenn ein Standort neue Telefone bekommt. Die neuen Anmeldedaten kommen als CSV-Datei, die einmal heruntergeladen werden kann.
device-passwords-mode = Neue Kennwörter
device-passwords-generated = Für jeden Benutzer ein eigenes erzeugtes Kennwort (empfohlen)
device-passwords-own = Ein Kennwort meiner Wahl für alle
device-passwords-password = Kennwort für alle
device-passwords-password-hint = Nur wenn Sie ein Kennwort wählen: mindestens 12 Zeichen, schwer zu erraten.
device-passwords-understood = Mir ist bewusst, dass die bisherigen Tischtelefon-Kennwörter dieses Standorts sofort nicht mehr funktionieren.
device-passwords-confirm-first = Bestätigen Sie, dass die bisherigen Kennwörter nicht mehr funktionieren dürfen.
device-passwords-renew = Tischtelefon-Kennwörter erneuern
device-passwords-issued = { $count ->
    [1] Ein Benutzer hat ein neues Tischtelefon-Kennwort.
   *[other] { $count } Benutzer haben neue Tischtelefon-Kennwörter.
}
device-passwords-skipped = { $count ->
    [1] Ein Unternehmensadministrator wurde ausgelassen (ein Standortadministrator ändert ihn nicht).
   *[other] { $count } Unternehmensadministratoren wurden ausgelassen (ein Standortadministrator ändert sie nicht).
}
device-passwords-once = Laden Sie die Datei jetzt herunter: Der Link funktioniert einmal, 10 Minuten lang. Die Kennwörter werden nirgends sonst aufbewahrt.
device-passwords-download = Anmeldedaten herunterladen (CSV)
device-passwords-gone = Dieser Download-Link wurde bereits benutzt oder ist abgelaufen (er funktioniert einmal, 10 Minuten lang). Starten Sie den Geräte-Kennwort-Manager erneut für neue Anmeldedaten.
error-hex-like = Manche Telefone lesen ein Kennwort, das mit 0x beginnt, als hexadezimalen Schlüssel; wählen Sie ein anderes.

## Gruppen (G-1, G-3)
nav-groups = Gruppen
groups-title = Gruppen
groups-intro = Sammelrufgruppen klingeln bei ihren Mitgliedern, wenn ihre Durchwahl angerufen wird; in einer Anrufübernahmegruppe nehmen Mitglieder Anrufe füreinander an; in einer Parkgruppe parken sie Anrufe füreinander.
groups-kinds = Arten von Gruppen
groups-all = Alle
groups-none = Noch keine Gruppen.
group-kind = Art
group-kind-hunt = Sammelrufgruppe
group-kind-pickup = Anrufübernahmegruppe
group-kind-park = Parkgruppe
group-kind-hunt-meaning = Anrufe an ihre Durchwahl klingeln bei ihren Mitgliedern, die aktive Benutzer sein müssen.
group-kind-pickup-meaning = Mitglieder nehmen klingelnde Anrufe füreinander an; ein Benutzer ist in höchstens einer Anrufübernahmegruppe.
group-kind-park-meaning = Mitglieder parken Anrufe füreinander; ein geparkter Anruf klingelt nach der Rückrufzeit zurück.
group-name = Name
group-members = Mitglieder
group-new = Neue Gruppe
group-create = Gruppe anlegen
group-extension-hint = Nur Sammelrufgruppen, Callcenter und automatische Zentralen: die Durchwahl, unter der sie erreichbar sind und die sonst niemand hat.
group-settings = Einstellungen
group-ring-policy = Klingelreihenfolge
ring-policy-simultaneous = Alle Mitglieder gleichzeitig
ring-policy-sequential = Nacheinander, immer ab dem ersten
ring-policy-circular = Nacheinander, ab dem nächsten nach dem zuletzt annehmenden
ring-policy-uniform = Wer am längsten frei ist, zuerst
ring-policy-weighted = Zufällig, nach Gewichtung
group-no-answer = Weiterleiten nach (Sekunden)
group-no-answer-hint = 5 bis 180 Sekunden ohne Annahme.
group-forward-to = Wenn niemand annimmt, weiterleiten an
group-forward-to-hint = Eine Durchwahl oder eine Rufnummer wie +493012345678; leer: der Anrufer hört besetzt.
group-recall = Rückruf nach (Sekunden)
group-recall-hint = 30 bis 600 Sekunden: Ein geparkter Anruf, den niemand übernimmt, klingelt bei dem zurück, der ihn geparkt hat.
group-no-members = Noch keine Mitglieder.
group-members-hunt-hint = In Klingelreihenfolge. Nur aktive Benutzer können Mitglied sein (ausstehende, fehlgeschlagene oder deaktivierte Benutzer können keine Anrufe annehmen).
group-move-up = Nach oben
group-add-member = Mitglied hinzufügen: Person suchen
group-add-member-hint = Nach Name, Durchwahl oder E-Mail-Adresse, unter den Benutzern des Standorts dieser Gruppe.
group-no-such-extension = Kein Benutzer dieses Standorts hat die Durchwahl { $value }.
group-delete = Gruppe löschen
group-delete-confirm = Ja, diese Gruppe löschen (ihre Mitglieder bleiben Benutzer).
group-created = Die Gruppe wurde angelegt.
group-saved = Die Einstellungen der Gruppe wurden gespeichert.
group-deleted = Die Gruppe wurde gelöscht.
group-member-added = Das Mitglied wurde hinzugefügt.
group-member-removed = Das Mitglied wurde aus der Gruppe entfernt.
group-members-saved = Die Klingelreihenfolge wurde gespeichert.
group-changed-meanwhile = Jemand hat diese Gruppe inzwischen geändert; hier ist sie, wie sie jetzt ist.
group-confirm-delete = Setzen Sie das Häkchen, um das Löschen zu bestätigen.
user-groups = Gruppen
user-no-groups = In keiner Gruppe.
user-leave-group = Aus der Gruppe entfernen
delete-leaves-groups = Verlässt diese Gruppen (ihre anderen Mitglieder bleiben): { $value }.
problem-in-another-pickup-group = Dieser Benutzer ist bereits in einer anderen Anrufübernahmegruppe; ein Benutzer ist in höchstens einer.
problem-name-taken = Dieser Name ist bereits vergeben: Wählen Sie einen anderen.
error-not-applicable = Diese Art von Gruppe hat keine solche Einstellung.
error-other-site = Dieser Benutzer gehört zu einem anderen Standort.

## Posteingang (L-4, G-5)
nav-inbox = Posteingang
inbox-title = Posteingang
inbox-unread = ungelesen
inbox-none = Keine Nachrichten.
inbox-new = neu
inbox-mark-read = Alle als gelesen markieren
inbox-read = Alle Nachrichten sind als gelesen markiert.
inbox-category-information = Information
inbox-category-warning = Warnung
inbox-category-urgent = Dringend
inbox-group-member-deleted-subject = Ein Mitglied Ihrer Gruppe wurde gelöscht
inbox-group-member-deleted = { $name } wurde gelöscht und ist nicht mehr in der { $kind } „{ $group }“.

## Rundnachrichten (G-5)
nav-broadcasts = Rundnachrichten
broadcasts-title = Rundnachrichten
broadcasts-intro = Eine Nachricht an alle Mitglieder eines oder mehrerer Teams, in ihren Posteingang im Portal und auf Wunsch per E-Mail — sofort oder zu einer gewählten Zeit.
broadcast-new = Neue Rundnachricht
broadcast-no-teams = Es gibt noch keine Teams: Rundnachrichten gehen an Teams.
broadcast-teams = Teams
broadcast-category = Kategorie
broadcast-subject = Betreff
broadcast-body = Nachricht
broadcast-send-at = Senden am
broadcast-send-at-hint = Ihre Ortszeit ({ $zone }); leer lassen, um sofort zu senden.
broadcast-by-email = Auch per E-Mail senden
broadcast-send = Senden
broadcasts-sent = Gesendet und geplant
broadcasts-none = Noch keine Rundnachrichten.
broadcast-status = Status
broadcast-recipients = Empfänger
broadcast-status-scheduled = Geplant
broadcast-status-sent = Gesendet
broadcast-scheduled = Die Rundnachricht ist geplant; sie wird zu ihrer Zeit zugestellt.
error-in-the-past = Diese Zeit ist vorbei; wählen Sie eine spätere oder keine, um sofort zu senden.
error-invalid-time = Eine Uhrzeit, 00:00 bis 23:59.

## Leistungsmerkmale (S-1, S-4)
nav-services = Meine Leistungsmerkmale
services-title = Leistungsmerkmale
user-services = Leistungsmerkmale (Benutzeransicht)
services-acting-as-admin = Sie handeln als Administrator in der Ansicht von { $name }: Was Sie hier ändern, wird als Ihre Änderung protokolliert.
services-back-to-site-view = Zurück zur Standortansicht
services-forwarding = Rufumleitung
services-destination-hint = Eine Durchwahl oder eine Rufnummer wie +493012345678; leer: aus.
services-forward-always = Alle Anrufe umleiten an
services-forward-busy = Bei besetzt umleiten an
services-forward-no-answer = Bei Nichtannahme umleiten an
services-forward-unreachable = Bei Nichterreichbarkeit umleiten an
services-forward-rings = Klingelzeichen vor der Umleitung bei Nichtannahme
services-simultaneous = Paralleles Klingeln
services-simultaneous-on = Diese Ziele zusammen mit meinem Telefon klingeln lassen
services-simultaneous-destinations = Ziele
services-simultaneous-hint = Eines pro Zeile, höchstens 10: Durchwahlen oder Rufnummern.
services-incoming = Eingehende Anrufe
services-dnd = Nicht stören (Anrufer hören besetzt oder erreichen die Mailbox)
services-reject-anonymous = Anrufe mit unterdrückter Rufnummer abweisen
services-voicemail = Mailbox
services-voicemail-on = Die Mailbox nimmt Anrufe an, die ich nicht annehme
services-voicemail-rings = Klingelzeichen, bevor die Mailbox annimmt (2–10)
services-voicemail-pin = Mailbox-PIN
services-pin-set = Eine PIN ist gesetzt; geben Sie eine neue ein, um sie zu ändern.
services-pin-hint = 4 bis 8 Ziffern, nicht 0000, 1234 oder Ihre Durchwahl.
services-voicemail-email = Über neue Nachrichten an diese E-Mail-Adresse benachrichtigen
services-saved = Die Leistungsmerkmale wurden gespeichert.
error-weak-pin = Diese PIN würde ein Anrufer als Erstes probieren; wählen Sie eine andere.
error-invalid-pin = Eine PIN hat 4 bis 8 Ziffern.
error-too-many = Das ist mehr als erlaubt.

## Organisation (G-4)
nav-organisation = Organisation
organisation-title = Abteilungen und Teams
organisation-intro = Ein Benutzer gehört zu höchstens einer Abteilung, die es zuvor geben muss, und zu beliebig vielen Teams. Jeder Name führt zu seinen Mitgliedern.
organisation-departments = Abteilungen
organisation-teams = Teams
organisation-none = Noch keine.
department-new = Neue Abteilung
team-new = Neues Team
organisation-enterprise-admins-add = Unternehmensadministratoren legen Abteilungen und Teams an.
department-created = Die Abteilung wurde angelegt.
team-created = Das Team wurde angelegt.
organisation-leads-hint = Die Teamleiter eines Teams (Benutzer mit der Rolle Teamleiter) sehen seine Mitglieder unter „Meine Teams“.
organisation-lead = Teamleiter
organisation-add-lead = Teamleiter per Durchwahl hinzufügen
team-leads-saved = Die Teamleiter wurden gespeichert.
nav-my-teams = Meine Teams
my-teams-title = Meine Teams
my-teams-none = Sie leiten kein Team.
error-not-a-team-lead = Dieser Benutzer hat nicht die Rolle Teamleiter; geben Sie sie ihm zuerst.
services-caller-id = Angezeigte Rufnummer
services-caller-id-own = Meine eigene Rufnummer
services-caller-id-withheld = Unterdrückt
error-not-held = Nur die eigene Rufnummer, eine der Zusatzrufnummern oder unterdrückt.

# G-2: call centres and campaigns
group-kind-call_centre = Callcenter
group-kind-call_centre-meaning = Anrufe an seine Durchwahl warten in einer Warteschlange auf seine Agenten, die aktive Benutzer sein müssen; Supervisoren überwachen die Warteschlange.
group-agents = Agenten
group-agents-hint = In der Reihenfolge, in der Anrufe angeboten werden. Nur aktive Benutzer können Agenten sein (ausstehende, fehlgeschlagene oder deaktivierte Benutzer können keine Anrufe annehmen).
group-queue-length = Länge der Warteschlange (Anrufe)
group-queue-length-hint = 1 bis 50 Anrufe warten auf einen Agenten; der nächste Anrufer geht an das Überlaufziel.
group-overflow-to = Bei voller Warteschlange Anrufe senden an
group-overflow-to-hint = Eine Durchwahl oder eine Rufnummer wie +493012345678; leer: der Anrufer hört besetzt.
group-supervisors = Supervisoren
group-supervisors-hint = Jeder Benutzer des Unternehmens, in jedem Status. Die Supervisor-Werkzeuge brauchen die Zusatzoption Supervisor.
group-no-supervisors = Noch keine Supervisoren.
group-add-supervisor = Supervisor hinzufügen: Person suchen
group-add-supervisor-hint = Nach Name, Durchwahl oder E-Mail-Adresse, unter den Benutzern aller Standorte des Unternehmens.
group-no-such-user-extension = Kein Benutzer hat die Durchwahl { $value }.
group-campaigns = Kampagnen
group-campaigns-hint = Eingehende oder ausgehende Kampagnen dieses Callcenters, jede mit Agenten aus den Agenten oben.
group-campaign-no-agents = Fügen Sie dem Callcenter zuerst Agenten hinzu; dann weisen Sie sie hier zu.
group-campaign-agents = Zugewiesene Agenten
group-campaign-save-agents = Agenten speichern
group-campaign-delete = Kampagne löschen
group-campaign-delete-confirm = Ja, diese Kampagne löschen (ihre Agenten bleiben Agenten des Callcenters).
group-campaign-new = Neue Kampagne
group-campaign-direction = Richtung
group-campaign-create = Kampagne anlegen
campaign-direction-inbound = Eingehend
campaign-direction-outbound = Ausgehend
group-supervisor-added = Der Supervisor wurde hinzugefügt.
group-supervisor-removed = Der Supervisor wurde entfernt.
campaign-created = Die Kampagne wurde angelegt.
campaign-agents-saved = Die Agenten der Kampagne wurden gespeichert.
campaign-confirm-delete = Setzen Sie das Häkchen, um das Löschen der Kampagne zu bestätigen.
campaign-deleted = Die Kampagne wurde gelöscht.
users-col-campaigns = Kampagnen
users-filter-group = Gruppe
error-not-an-agent = Dieser Benutzer ist kein Agent des Callcenters der Kampagne; fügen Sie ihn dort zuerst hinzu.
problem-not-a-call-centre = Nur Callcenter haben Supervisoren und Kampagnen.

# G-6: auto attendants
group-kind-auto_attendant = Automatische Zentrale
group-kind-auto_attendant-meaning = Nimmt Anrufe an ihre Durchwahl mit einer Ansage an und leitet Anrufer nach der gedrückten Taste weiter; innerhalb und außerhalb der Geschäftszeiten mit verschiedenen Menüs.
aa-business-hours = Geschäftszeiten
aa-business-hours-hint = In der Ortszeit des Standorts. Außerhalb dieser Zeiten antwortet das Menü außerhalb der Geschäftszeiten.
aa-opens = Beginnt um
aa-closes = Endet um
aa-business-menu = Menü während der Geschäftszeiten
aa-after-hours-menu = Menü außerhalb der Geschäftszeiten
aa-destination-hint = Für jede Taste: eine Durchwahl (ein Benutzer, eine Sammelrufgruppe, ein Callcenter oder eine andere automatische Zentrale), „voicemail 602“ für die Sprachbox eines Benutzers oder eine Rufnummer wie +493012345678. Leer: keine Aktion.
aa-key = Taste
aa-destination = Ziel
aa-no-input = Wenn der Anrufer nichts drückt, weiterleiten an
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag
error-invalid-menu-destination = Eine Durchwahl (602), die Sprachbox eines Benutzers (voicemail 602) oder eine Rufnummer im internationalen Format (+493012345678).
error-unknown-destination = Kein Benutzer und keine Gruppe hat diese Durchwahl.
error-invalid-key = Tasten sind 0 bis 9, * und #.
error-invalid-days = Tage sind Montag bis Sonntag, jeder einmal.
error-closes-before-opening = Die Geschäftszeit endet nach ihrem Beginn.
problem-menu-loop = Diese Menüs würden Anrufer im Kreis zwischen automatischen Zentralen schicken. Wählen Sie ein anderes Ziel.
problem-in-use = { $what } wird noch verwendet von { $by }; ändern Sie das zuerst.
problem-no-members = Eine automatische Zentrale hat keine Mitglieder: ihre Menüs leiten Anrufer weiter.

# S-5: soft clients
soft-clients = Softclients
soft-clients-hint = Die Telefon-App auf einem Mobiltelefon oder Computer klingelt mit dem Tischtelefon. Beim Einrichten erscheint ein QR-Code, den Sie in der App scannen; er gilt einmal, einen Tag lang, und enthält nie das Passwort.
soft-clients-none = Noch kein Softclient eingerichtet.
soft-client-set-up-mobile = Mobile App einrichten
soft-client-set-up-desktop = Desktop-App einrichten
soft-client-title = Softclient einrichten
soft-client-intro-mobile = Öffnen Sie die Telefon-App auf dem Mobiltelefon und scannen Sie diesen Code, oder öffnen Sie den Link auf dem Mobiltelefon. Die App meldet sich dann mit eigenen Zugangsdaten an.
soft-client-intro-desktop = Öffnen Sie die Telefon-App auf dem Computer und scannen Sie diesen Code oder fügen Sie den Link ein. Die App meldet sich dann mit eigenen Zugangsdaten an.
soft-client-mobile = Mobile App
soft-client-desktop = Desktop-App
soft-client-once = Dieser Code wird nur jetzt angezeigt und gilt einmal. Ein neuer Code ersetzt ihn; erneutes Einrichten gibt der App ein neues Passwort.
soft-client-qr-label = QR-Code des Einrichtungslinks
soft-client-link = Einrichtungslink
soft-client-expires = Gültig bis
problem-link-used = Dieser Einrichtungslink wurde schon verwendet; jeder gilt einmal. Fordern Sie einen neuen an.
problem-link-expired = Dieser Einrichtungslink ist abgelaufen. Fordern Sie einen neuen an.

# S-2: services only administrators set
services-admin-only = Nur durch Administratoren einstellbar
services-admin-only-hint = Der Benutzer sieht diese Einstellungen auf seiner Seite, kann sie aber nicht ändern.
services-mobility = Mobility: das Mobiltelefon klingelt mit dem Tischtelefon
services-mobility-number = Mobilnummer, die mitklingelt
services-shared-lines = Leitungen anderer Benutzer an diesem Telefon
services-shared-lines-hint = Durchwahlen, eine pro Zeile (höchstens 10): zum Beispiel eine Assistenz, die die Leitung der Geschäftsleitung annimmt.
services-override-site-forwarding = Die Anrufweiterleitung des Standorts gilt nicht für diesen Benutzer
services-network-class = Netzwerk-Dienstklasse
services-set-by-admin = Von Ihrem Administrator eingestellt
network-class-internal_only = Nur interne Anrufe (und Notrufnummern)
network-class-national = Inlandsgespräche
network-class-international = Inlands- und Auslandsgespräche
network-class-unrestricted = Alle Anrufe, einschließlich Premium-Rufnummern
off = Aus
none = Keine
inbox-shared-line-removed-subject = Eine geteilte Leitung wurde entfernt
inbox-shared-line-removed = { $name } (Durchwahl { $extension }) wurde gelöscht; die Leitung erscheint nicht mehr an Ihrem Telefon.
error-admin-only = Nur ein Administrator stellt diesen Dienst ein.
error-own-line = Die eigene Leitung eines Benutzers ist schon an seinem Telefon.

# S-1, S-3, G-6: greetings
greeting-hint = Eine WAV- oder MP3-Datei mit höchstens 5 MB. Ohne eigene Ansage hören Anrufer die Standardansage.
greeting-voicemail = Sprachbox-Ansage
greeting-business = Ansage während der Geschäftszeiten
greeting-after-hours = Ansage außerhalb der Geschäftszeiten
greeting-remove = Ansage entfernen
greeting-default = Die Standardansage wird abgespielt.
greeting-file = Audiodatei (WAV oder MP3)
greeting-upload = Ansage hochladen
greeting-uploaded = hochgeladen
greeting-saved = Die Ansage wurde hochgeladen.
greeting-removed = Die Ansage wurde entfernt; die Standardansage wird abgespielt.
greeting-too-large = Diese Datei ist größer als 5 MB. Wählen Sie eine kürzere Aufnahme.
greeting-not-audio = Das ist keine WAV- oder MP3-Datei. Wählen Sie eine Audiodatei.
error-unsupported-audio = Das ist keine WAV- oder MP3-Datei.
error-too-large = Diese Datei ist zu groß.

# S-3: virtual users' call services
group-services = Anrufdienste
group-services-hint = Wie bei einem Benutzer: die Sprachbox für Anrufer, die niemand annimmt, und die Weiterleitung aller Anrufe (Sammelrufgruppen und Callcenter).

# S-1: voicemail messages
voicemails = Sprachnachrichten
voicemails-none = Keine Sprachnachrichten.
voicemail-caller = Anrufer
voicemail-received = Empfangen
voicemail-duration = Länge
voicemail-new = Neu
voicemail-mark-heard = Als gehört markieren
voicemail-delete = Löschen
voicemail-delete-confirm = Ja, löschen
voicemail-anonymous = Unterdrückte Rufnummer
voicemail-heard = Die Nachricht ist als gehört markiert.
voicemail-deleted = Die Nachricht wurde gelöscht.
voicemail-confirm-delete = Setzen Sie das Häkchen bei „Ja, löschen“, um die Nachricht zu löschen.

# U-9: Bilder
picture-title = Bild
picture-hint = Ein PNG-, JPEG- oder WebP-Bild mit höchstens 5 MB. Es wird aus der Mitte quadratisch zugeschnitten und verkleinert.
picture-none = Noch kein Bild: Die Initialen stehen an seiner Stelle.
picture-file = Bilddatei (PNG, JPEG oder WebP)
picture-upload = Bild hochladen
picture-remove = Bild entfernen
picture-saved = Das Bild wurde gespeichert.
picture-removed = Das Bild wurde entfernt.
picture-too-large = Diese Datei ist größer als 5 MB. Wählen Sie ein kleineres Bild.
picture-not-image = Das ist kein lesbares PNG-, JPEG- oder WebP-Bild. Wählen Sie eine andere Datei.

# G-1, S-6: Rufnummern von Gruppen und Standorten
group-number = Rufnummer (optional)
group-number-hint = Eine freie Rufnummer aus dem Pool, unter der Anrufer die Gruppe von außen erreichen, neben der Durchwahl. Leer: keine.
main-numbers = Hauptrufnummern der Standorte
main-numbers-hint = Die Hauptrufnummer eines Standorts stammt aus dem Pool; seine Benutzer können sie Angerufenen statt ihrer eigenen anzeigen. Leeren Sie das Feld, um sie zurückzugeben.
main-number-remove = Hauptrufnummer zurückgeben
main-number-saved = Die Hauptrufnummer wurde gespeichert.
main-number-removed = Die Hauptrufnummer ist zurück im Pool; Benutzer, die sie anzeigten, zeigen wieder ihre eigene Rufnummer.
numbers-pool = Rufnummernpool
number-usage-group = (Gruppenrufnummer)
number-usage-site-main = (Hauptrufnummer des Standorts)
services-caller-id-site = Die Hauptrufnummer des Standorts
group-weight = Gewichtung
group-weight-save = Gewichtung speichern

# The start page (what needs attention), the header's menu and search, events in words
menu = Menü
header-search-label = Person nach Name, Durchwahl oder Rufnummer suchen
header-search-placeholder = Name, Durchwahl oder Rufnummer
header-search-go = Suchen
home-attention = Zu erledigen
home-all-clear = Es gibt nichts zu erledigen.
home-failed = Benutzer mit fehlgeschlagener Aktivierung: { $count }
home-pending = Benutzer, die auf ihre Aktivierung warten: { $count }
home-failed-push = { $name }: Die Telefonanlage hat die letzte Änderung nicht erhalten
home-licence-none = { $name }: keine frei – bitte weitere kaufen
home-licence-low = { $count ->
    [one] { $name }: nur noch eine frei
   *[other] { $name }: nur noch { $count } frei
}
home-numbers-free = Freie Rufnummern im Pool: { $count }
home-numbers-low = Die freien Rufnummern gehen aus: noch { $count }
home-actions = Schnellzugriff
home-action-add-user = Benutzer hinzufügen
home-action-import = Benutzer importieren
home-action-device-passwords = Neue Gerätekennwörter
home-action-groups = Gruppen
home-action-services = Meine Leistungsmerkmale
home-action-inbox = Mein Posteingang
home-action-security = Meine Anmeldesicherheit
home-action-my-teams = Meine Teams
home-action-enterprises = { $count ->
    [one] Ein Unternehmen
   *[other] Alle { $count } Unternehmen
}
home-recent = Letzte Änderungen
home-recent-all = Das ganze Audit-Protokoll
home-threshold-title = Wann vor knappen Lizenzen und Rufnummern gewarnt wird
home-threshold-label = Warnen, wenn weniger als so viele frei sind
home-threshold-hint = Eine ganze Zahl von 0 bis 100000. Bei 0 erscheinen nur Lizenztypen, von denen keine mehr frei ist.
home-threshold-save = Speichern
home-threshold-saved = Die Warnschwelle ist gespeichert.
event-other = Änderung
actor-token = API-Token „{ $name }“
actor-cli = Kommandozeile
actor-anonymous = Jemand ohne Anmeldung
actor-system = Switchboard
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
event-account-invitation-accepted = Einladung angenommen
event-account-invited = Einladung gesendet
event-account-locked = Anmeldung nach Fehlversuchen gesperrt
event-account-password-accepted = Kennwort angenommen
event-account-password-changed = Kennwort geändert
event-account-password-reset = Kennwort zurückgesetzt
event-account-password-reset-requested = Kennwort-Zurücksetzung angefordert
event-account-password-set = Kennwort festgelegt
event-account-sign-in-failed = Anmeldung fehlgeschlagen
event-account-signed-in = Angemeldet
event-account-signed-out = Abgemeldet
event-account-signed-out-everywhere = Überall abgemeldet
event-account-totp-disabled = Authenticator-App ausgeschaltet
event-account-totp-enabled = Authenticator-App eingeschaltet
event-account-two-step-failed = Bestätigungscode abgelehnt
event-account-two-step-required = Zweistufige Anmeldung angefordert
event-account-two-step-voided = Zweistufige Anmeldung abgebrochen
event-broadcast-scheduled = Rundnachricht geplant
event-broadcast-sent = Rundnachricht gesendet
event-campaign-agents-changed = Agenten der Kampagne geändert
event-campaign-created = Kampagne angelegt
event-campaign-deleted = Kampagne gelöscht
event-department-created = Abteilung angelegt
event-device-type-created = Gerätetyp hinzugefügt
event-enterprise-created = Unternehmen angelegt
event-enterprise-updated = Unternehmen geändert
event-greeting-removed = Ansage entfernt
event-greeting-uploaded = Ansage hochgeladen
event-group-created = Gruppe angelegt
event-group-deleted = Gruppe gelöscht
event-group-members-changed = Gruppenmitglieder geändert
event-group-services-changed = Leistungsmerkmale der Gruppe geändert
event-group-supervisors-changed = Supervisoren geändert
event-group-updated = Gruppe geändert
event-job-retried = Hintergrundaufgabe wiederholt
event-licence-purchased = Lizenzen gekauft
event-licence-type-created = Lizenztyp hinzugefügt
event-numbers-loaded = Rufnummern geladen
event-provisioning-resynced = Telefonanlage abgeglichen
event-site-created = Standort angelegt
event-site-main-number-changed = Hauptrufnummer des Standorts geändert
event-soft-client-link-issued = Einrichtungslink für Softclient erstellt
event-soft-client-provisioned = Softclient eingerichtet
event-team-created = Team angelegt
event-team-leads-changed = Teamleiter geändert
event-token-created = API-Token erstellt
event-token-revoked = API-Token widerrufen
event-user-activated = Benutzer aktiviert
event-user-activation-failed = Aktivierung fehlgeschlagen
event-user-activation-retried = Aktivierung wiederholt
event-user-alternative-number-added = Alternative Rufnummer hinzugefügt
event-user-alternative-number-removed = Alternative Rufnummer entfernt
event-user-created = Benutzer hinzugefügt
event-user-deactivated = Benutzer deaktiviert
event-user-deleted = Benutzer gelöscht
event-user-picture-removed = Bild entfernt
event-user-picture-set = Bild geändert
event-user-reactivated = Benutzer reaktiviert
event-user-services-changed = Leistungsmerkmale geändert
event-user-sip-credentials-renewed = Neue Anmeldedaten für das Tischtelefon
event-user-updated = Benutzer geändert
event-users-imported = Benutzer importiert
event-voicemail-deleted = Sprachnachricht gelöscht
channel-api = API
channel-portal = Portal
channel-cli = Kommandozeile
channel-scim = Verzeichnisabgleich (SCIM)
channel-import = Import
channel-system = Switchboard

# The audit log in words
audit-event = Art des Ereignisses
audit-event-any = Alle Arten
audit-who-hint = Der Benutzername der Person.
audit-from = Von
audit-to = Bis
audit-subject-chip = Änderungen an { $name }
audit-subject-unnamed = diesem Element
audit-times-hint = Zeiten in { $zone }.
audit-details = Details
audit-value-none = (keine Angabe)
yes = Ja
no = Nein
field-alternative-numbers = Alternative Rufnummern
field-activated-at = Aktiviert
field-deactivated-at = Deaktiviert
field-no-answer-seconds = Klingeldauer bis zur Weiterleitung (Sekunden)
field-forward-to = Weiterleitungsziel
field-queue-length = Warteschlangenlänge
field-recall-seconds = Rückruf nach (Sekunden)
error-invalid-date = Ein Datum wird JJJJ-MM-TT geschrieben, z. B. 2026-12-24.
error-invalid-range = Der letzte Tag kann nicht vor dem ersten liegen.
error-invalid-destination-queue = Das Ziel muss eine Callcenter-Warteschlange desselben Standorts sein.
error-one-destination = Wählen Sie ein Ziel: einen Benutzer oder eine Callcenter-Warteschlange.
event-site-updated = Standort geändert

# Where a site is (time zone, country, language)
organisation-sites = Standorte
organisation-sites-hint = Zeiten werden in der Zeitzone des Standorts angezeigt und Rundnachrichten danach gesendet; national eingegebene Rufnummern werden nach seinem Land gelesen; die Telefonanlage spricht seine Sprache. Ein Standort ohne eigene Angaben übernimmt die des Unternehmens.
site-time-zone = Zeitzone
site-country = Land
site-language = Sprache
site-change = Ändern
site-inherited = { $value } (vom Unternehmen)
site-enterprise-default = Wie das Unternehmen: { $value }
site-no-country = Kein Land
site-title = Standort { $name }
site-intro = Wählen Sie Zeitzone, Land und Sprache des Standorts oder behalten Sie die des Unternehmens.
site-saved = Der Standort ist gespeichert.
back-to-organisation = Zurück zur Organisation
error-invalid-time-zone = Wählen Sie eine Zeitzone aus der Liste.
error-invalid-country = Wählen Sie ein Land aus der Liste.
country-at = Österreich
country-be = Belgien
country-ch = Schweiz
country-cz = Tschechien
country-de = Deutschland
country-dk = Dänemark
country-es = Spanien
country-fi = Finnland
country-fr = Frankreich
country-gb = Vereinigtes Königreich
country-ie = Irland
country-it = Italien
country-lu = Luxemburg
country-nl = Niederlande
country-no = Norwegen
country-pl = Polen
country-pt = Portugal
country-se = Schweden
country-us = Vereinigte Staaten
country-ca = Kanada

# The people picker
picker-search = Suchen
picker-none = Niemand gefunden: versuchen Sie einen Teil des Namens oder eine Durchwahl.
picker-already-in = Bereits dabei
picker-not-active = Nicht möglich: { $state } – eine Sammelrufgruppe oder ein Callcenter nimmt nur aktive Benutzer auf.
picker-in-another-pickup-group = Nicht möglich: schon in der Anrufübernahmegruppe { $name } (ein Benutzer ist in höchstens einer).
download = Herunterladen
recovery-file-name = switchboard-wiederherstellungscodes.txt

# Two-step sign-in of a user (K-1)
user-sign-in-security = Anmeldesicherheit
user-two-step-off = Die zweistufige Anmeldung ist nicht vorgeschrieben.
user-two-step-code = Die zweistufige Anmeldung ist vorgeschrieben: Bei jeder Anmeldung geht ein Code an den persönlichen Kontakt.
user-two-step-app = Die zweistufige Anmeldung mit einer Authenticator-App ist eingerichtet.
user-two-step-require = Zweistufige Anmeldung vorschreiben
user-two-step-release = Zweistufige Anmeldung nicht mehr vorschreiben
user-two-step-required = Die zweistufige Anmeldung ist jetzt vorgeschrieben; die Sitzungen des Benutzers wurden beendet.
user-two-step-released = Die zweistufige Anmeldung ist nicht mehr vorgeschrieben.

# Departments and teams (G-4)
organisation-members = Mitglieder
organisation-leads = Teamleiter
organisation-people = Personen: { $count }
unit-manage = Verwalten
unit-title = Abteilung oder Team
unit-name = Name
unit-rename = Umbenennen
unit-people-in-list = Die Personen in der Benutzerliste
unit-delete-title = Löschen
unit-delete-hint = Nur solange niemand darin ist (und ein Team keine Leiter hat und keine Rundnachricht an es ging); sonst nennt die Seite, wer darin ist.
unit-delete = { $name } löschen
unit-renamed = Der Name ist gespeichert.
unit-deleted = Es wurde gelöscht.
team-member-added = Das Mitglied wurde dem Team hinzugefügt.
team-member-removed = Das Mitglied wurde aus dem Team entfernt.
team-add-member = Mitglied hinzufügen: Person suchen
team-add-member-hint = Nach Name, Durchwahl oder E-Mail-Adresse.
team-add-lead = Teamleiter benennen: Person suchen
team-add-lead-hint = Ein Benutzer ohne die Rolle Teamleiter erhält sie.
team-add-lead-with-role = Hinzufügen und Rolle Teamleiter geben
picker-administrator-role = Nicht möglich: ein Administrator (ein Teamleiter hat die Rolle Teamleiter).
event-department-renamed = Abteilung umbenannt
event-department-deleted = Abteilung gelöscht
event-team-renamed = Team umbenannt
event-team-deleted = Team gelöscht
in-use-more = { $names } und { $more } weiteren
problem-team-has-broadcasts = An dieses Team gingen Rundnachrichten; es bleibt für deren Verlauf bestehen.
broadcast-sent = Die Rundnachricht ist unterwegs in die Posteingänge der Mitglieder.
error-invalid-forward-destination = Eine Durchwahl dieses Unternehmens oder eine Rufnummer im internationalen Format (+49…).
aa-reaches = Erreicht
aa-reaches-number = die Rufnummer { $value }
aa-reaches-voicemail = die Sprachbox von { $name }
aa-reaches-nobody = niemand in diesem Unternehmen hat diese Durchwahl
device-passwords-site = { $name } – Benutzer: { $count }
