/** The CLI's own texts, in English and Dutch (`--lang nl`). Domain messages come from core/. */
import type { Locale } from '../../core/model/index.ts';

const en = {
  usage: `Haard — relationship management and key-account planning

Usage:
  haard classify [FILE]                      ABC-classify relations (JSON from FILE or standard input)
  haard validate-plan [FILE] [--today DATE]  check one account plan (JSON export shape)
  haard token --workspace ID --role editor|viewer [--days N | --expires DATE]
                                             print an access token (invite) for the relay
  haard serve [--port N] [--host H] [--data DIR] [--history-days N]
                                             start the app and the relay (npm start)
  haard export --workspace ID [--out FILE]   back up every document of a workspace (JSON, also while serving)
  haard export --all --out DIR               back up every workspace, one FILE per workspace
  haard import FILE --workspace ID [--create]
                                             bring a backup into a workspace as edits (also while serving)
  haard --help | --version

Options:
  --lang en|nl     language of messages (default: en)
  --today DATE     "today" as YYYY-MM-DD for validate-plan (default: the current date)
  --data DIR       data directory (default: $HAARD_DATA or ./data)
  --history-days N serve: keep versions and deleted content N days (default: $HAARD_HISTORY_DAYS or forever)
  --create         import: make the workspace when the store does not hold it (without it, exit 2)

Exit codes: 0 ok · 1 the input breaks a domain rule (invalid criteria set, plan errors; a store or server that
refuses) · 2 unreadable input (arguments, a file that is not JSON or not a valid backup).`,
  readFailed: (file: string, why: string) => `cannot read ${file}: ${why}`,
  notJson: (where: string, why: string) => `${where} is not valid JSON: ${why}`,
  stdin: 'standard input',
  noInput: 'no input: give a FILE or pipe JSON into standard input (see haard --help)',
  badToday: (v: string, why?: string) =>
    why ? `--today "${v}": ${why}` : `--today must be a date as YYYY-MM-DD, got "${v}"`,
  badLang: (v: string) => `--lang must be en or nl, got "${v}"`,
  unknownCommand: (c: string) => `unknown command "${c}" (see haard --help)`,
  unknownOption: (o: string) => `unknown option "${o}" (see haard --help)`,
  optionNeedsValue: (o: string) => `${o} needs a value, as in ${o} VALUE or ${o}=VALUE (see haard --help)`,
  optionTakesNoValue: (o: string) => `${o} takes no value (see haard --help)`,
  tokenNeedsWorkspace: '--workspace ID is required',
  tokenBadRole: (v: string) => `--role must be editor or viewer, got "${v}"`,
  tokenBadDays: (v: string) => `--days must be a positive number, got "${v}"`,
  tokenBadExpires: (v: string, why?: string) =>
    why
      ? `--expires "${v}": ${why}`
      : `--expires must be an ISO date such as 2027-01-31 (or 2027-01-31T17:00), got "${v}"`,
  tokenBothExpiry: 'give either --days or --expires, not both',
  tokenNoSecret: (dir: string) =>
    `${dir} holds no server secret (no ${dir}/secret): give the --data DIR of the server (or HAARD_DATA), ` +
    'or set HAARD_SECRET to the one it uses',
  tokenUncheckedWorkspace: (ws: string, dir: string) =>
    `warning: there is no store in ${dir}, so whether workspace "${ws}" exists is not checked`,
  unknownWorkspace: (ws: string, dir: string, known: string) =>
    `the store in ${dir} holds no workspace "${ws}" (it holds: ${known})`,
  badWorkspaceId: (v: string) => `--workspace must be 1–200 characters of A–Z a–z 0–9 _ -, got "${v}"`,
  none: 'none',
  tooManyFiles: 'give at most one FILE',
};

type Messages = typeof en;

const nl: Messages = {
  usage: `Haard — relatiemanagement en accountplanning

Gebruik:
  haard classify [BESTAND]                      ABC-classificatie van relaties (JSON uit BESTAND of standaardinvoer)
  haard validate-plan [BESTAND] [--today DATUM] controleer één accountplan (JSON-exportvorm)
  haard token --workspace ID --role editor|viewer [--days N | --expires DATUM]
                                                druk een toegangstoken (uitnodiging) af voor de relay
  haard serve [--port N] [--host H] [--data MAP] [--history-days N]
                                                start de app en de relay (npm start)
  haard export --workspace ID [--out BESTAND]   maak een back-up van alle documenten van een werkruimte (JSON, ook terwijl de server draait)
  haard export --all --out MAP                  maak een back-up van elke werkruimte, één BESTAND per werkruimte
  haard import BESTAND --workspace ID [--create]
                                                zet een back-up in een werkruimte terug als bewerkingen (ook terwijl de server draait)
  haard --help | --version

Opties:
  --lang en|nl     taal van de meldingen (standaard: en)
  --today DATUM    "vandaag" als JJJJ-MM-DD voor validate-plan (standaard: de huidige datum)
  --data MAP       gegevensmap (standaard: $HAARD_DATA of ./data)
  --history-days N serve: bewaar versies en verwijderde inhoud N dagen (standaard: $HAARD_HISTORY_DAYS of altijd)
  --create         import: maak de werkruimte als de opslag die niet heeft (zonder: afsluitcode 2)

Afsluitcodes: 0 goed · 1 de invoer breekt een domeinregel (ongeldige criteria, fouten in het plan; een opslag of
server die weigert) · 2 onleesbare invoer (argumenten, een bestand dat geen JSON of geen geldige back-up is).`,
  readFailed: (file, why) => `kan ${file} niet lezen: ${why}`,
  notJson: (where, why) => `${where} is geen geldige JSON: ${why}`,
  stdin: 'standaardinvoer',
  noInput: 'geen invoer: geef een BESTAND of stuur JSON naar standaardinvoer (zie haard --help)',
  badToday: (v, why) =>
    why ? `--today "${v}": ${why}` : `--today moet een datum als JJJJ-MM-DD zijn, niet "${v}"`,
  badLang: (v) => `--lang moet en of nl zijn, niet "${v}"`,
  unknownCommand: (c) => `onbekende opdracht "${c}" (zie haard --help)`,
  unknownOption: (o) => `onbekende optie "${o}" (zie haard --help)`,
  optionNeedsValue: (o) => `${o} heeft een waarde nodig, zoals ${o} WAARDE of ${o}=WAARDE (zie haard --help)`,
  optionTakesNoValue: (o) => `${o} neemt geen waarde (zie haard --help)`,
  tokenNeedsWorkspace: '--workspace ID is verplicht',
  tokenBadRole: (v) => `--role moet editor of viewer zijn, niet "${v}"`,
  tokenBadDays: (v) => `--days moet een positief getal zijn, niet "${v}"`,
  tokenBadExpires: (v, why) =>
    why
      ? `--expires "${v}": ${why}`
      : `--expires moet een ISO-datum zijn, zoals 2027-01-31 (of 2027-01-31T17:00), niet "${v}"`,
  tokenBothExpiry: 'geef --days of --expires, niet allebei',
  tokenNoSecret: (dir) =>
    `${dir} bevat geen servergeheim (geen ${dir}/secret): geef de --data MAP van de server (of HAARD_DATA), ` +
    'of zet HAARD_SECRET op het geheim dat hij gebruikt',
  tokenUncheckedWorkspace: (ws, dir) =>
    `let op: ${dir} bevat geen opslag, dus of werkruimte "${ws}" bestaat is niet gecontroleerd`,
  unknownWorkspace: (ws, dir, known) => `de opslag in ${dir} bevat geen werkruimte "${ws}" (wel: ${known})`,
  badWorkspaceId: (v) => `--workspace moet 1–200 tekens uit A–Z a–z 0–9 _ - zijn, niet "${v}"`,
  none: 'geen',
  tooManyFiles: 'geef hoogstens één BESTAND',
};

export const cliMessages: Record<Locale, Messages> = { en, nl };
export type CliMessages = Messages;
