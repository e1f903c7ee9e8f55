/** Texts of the CSV import's steps: how the file is read, what its values mean, dates, the summary. */
export const en = {
  'data.import.step.read': '1. How the file is read',
  'data.import.step.map': '2. Link columns',
  'data.import.step.values': '3. What the values mean',
  'data.import.step.check': 'Check',
  'data.import.step.import': 'Import',
  'data.import.file': '{name}: {rows} rows',
  'data.import.read.intro':
    'Haard guessed these from the file. If the preview looks wrong, change them: everything below is read again at once.',
  'data.import.read.auto': 'Guessed: {guess}',
  'data.import.read.delimiter': 'Columns separated by',
  'data.import.read.encoding': 'Character set',
  'data.import.read.numbers': 'Numbers',
  'data.import.read.dates': 'Dates',
  'data.import.delimiter.comma': 'commas',
  'data.import.delimiter.semicolon': 'semicolons',
  'data.import.delimiter.tab': 'tabs',
  'data.import.delimiter.pipe': 'vertical bars',
  'data.import.encoding.utf-8': 'UTF-8',
  'data.import.encoding.windows-1252': 'Windows-1252 (Excel on Windows)',
  'data.import.encoding.utf-16le': 'UTF-16 (little-endian)',
  'data.import.encoding.utf-16be': 'UTF-16 (big-endian)',
  'data.import.encoding.bom': 'The file starts with a byte-order mark; it was removed.',
  'data.import.encoding.notUtf8':
    'This file is not UTF-8, so it was read as Windows-1252 (what Excel on Windows writes). Check accented names in the preview.',
  'data.import.numbers.nl': 'Dutch: 1.234,56',
  'data.import.numbers.en': 'English: 1,234.56',
  'data.import.numbers.none': 'no decimals seen',
  'data.import.numbers.noneNote': 'No decimals seen in this file: a number like 1.234 counts as thousands.',
  'data.import.mapping.contactOwner':
    'Without a column for the relation’s owner, each relation gets the owner of its first contact; other contact owners join its account team. A contact’s owner is also recorded as knowing the contact.',
  'data.import.numbers.conflict':
    'This file mixes both formats. Numbers like 1.234 cannot be read until you choose one.',
  'data.import.dates.dmy': 'day-month-year (14-04-1974)',
  'data.import.dates.mdy': 'month-day-year (04/14/1974)',
  'data.import.dates.evidence': '{value} on line {line} can only be read this way.',
  'data.import.dates.assumed': 'No date in the file decides it: check an example.',
  'data.import.dates.conflict':
    'The dates in this file are written both ways; dates that do not exist in the chosen order are listed as problems.',
  'data.import.dates.example': '{value} (line {line}) is read as {date}.',
  'data.import.mapping.combined': '{field} is made of {columns}.',
  'data.import.mapping.quoted': '“{name}”',
  'data.import.mapping.twice':
    '“{field}” is linked to more than one column; only text fields can be combined.',
  'data.import.mapping.history': 'History',
  'data.import.mapping.remembered': 'Linked as in an earlier import of this workspace.',
  'data.import.values.intro':
    'Each different value once. Haard remembers your choices in this workspace for the next import.',
  'data.import.values.value': 'Value in the file',
  'data.import.values.rows': 'Rows',
  'data.import.values.means': 'Means in Haard',
  'data.import.values.choose': '— choose —',
  'data.import.values.tag': 'Keep as a tag',
  'data.import.values.ignore': 'Leave empty',
  'data.import.values.noOwner': 'No owner',
  'data.import.values.new': 'Add “{name}” to the team',
  'data.import.values.source.remembered': 'remembered',
  'data.import.values.source.automatic': 'recognised',
  'data.import.values.open.one': 'Choose what 1 value means before importing.',
  'data.import.values.open.other': 'Choose what {count} values mean before importing.',
  'data.import.values.newPeople.one': '1 owner is not in the team yet and will be added as a professional.',
  'data.import.values.newPeople.other':
    '{count} owners are not in the team yet and will be added as professionals.',
  'data.import.blocked.values': 'choose what the open values mean (step 3).',
  'data.import.action.unchanged': 'No change',
  'data.import.action.sameAs': 'Same relation as line {line}',
  'data.import.preview.owner': 'Owner',
  'data.import.preview.history': 'Last activity',
  'data.import.summary':
    '{add} new and {update} updated relations, {skip} skipped, {unchanged} unchanged; {contactsAdd} new and {contactsUpdate} updated contacts.',
  'data.import.summary.extra':
    'Also {history} contact moments that start a history, and {professionals} new professionals.',
  'data.import.nothingNew':
    'Everything in this file is already in the workspace: there are no changes to import.',
  'data.import.historyNote': 'Last activity according to the import of “{file}”.',

  'data.issue.badDate': '{field} ‘{value}’ is not a date Haard can read (e.g. 14-04-1974 or 1974-04-14)',
  'data.issue.twoDigitYear': '{field} ‘{value}’: write the year in four digits',
  'data.issue.noYear': '{field} ‘{value}’ has no year',
  'data.issue.noSuchDate': '{field} ‘{value}’: {detail}',

  'data.field.relation.owner': 'Relation: owner (a professional)',
  'data.field.contact.owner': 'Contact: owner (a professional)',
  'data.field.log.lastActivity': 'Last activity (starts the history)',
};

export const nl: Record<keyof typeof en, string> = {
  'data.import.step.read': '1. Hoe het bestand gelezen wordt',
  'data.import.step.map': '2. Kolommen koppelen',
  'data.import.step.values': '3. Wat de waarden betekenen',
  'data.import.step.check': 'Controleren',
  'data.import.step.import': 'Importeren',
  'data.import.file': '{name}: {rows} regels',
  'data.import.read.intro':
    'Haard heeft dit uit het bestand afgeleid. Ziet het voorbeeld er verkeerd uit, pas het dan aan: alles hieronder wordt meteen opnieuw gelezen.',
  'data.import.read.auto': 'Herkend: {guess}',
  'data.import.read.delimiter': 'Kolommen gescheiden door',
  'data.import.read.encoding': 'Tekenset',
  'data.import.read.numbers': 'Getallen',
  'data.import.read.dates': 'Datums',
  'data.import.delimiter.comma': 'komma’s',
  'data.import.delimiter.semicolon': 'puntkomma’s',
  'data.import.delimiter.tab': 'tabs',
  'data.import.delimiter.pipe': 'verticale strepen',
  'data.import.encoding.utf-8': 'UTF-8',
  'data.import.encoding.windows-1252': 'Windows-1252 (Excel op Windows)',
  'data.import.encoding.utf-16le': 'UTF-16 (little-endian)',
  'data.import.encoding.utf-16be': 'UTF-16 (big-endian)',
  'data.import.encoding.bom': 'Het bestand begint met een byte-order mark; die is weggelaten.',
  'data.import.encoding.notUtf8':
    'Dit bestand is geen UTF-8 en is daarom gelezen als Windows-1252 (wat Excel op Windows schrijft). Controleer namen met accenten in het voorbeeld.',
  'data.import.numbers.nl': 'Nederlands: 1.234,56',
  'data.import.numbers.en': 'Engels: 1,234.56',
  'data.import.numbers.none': 'geen decimalen gezien',
  'data.import.numbers.noneNote':
    'Geen decimalen gezien in dit bestand: een getal als 1.234 telt als duizendtal.',
  'data.import.mapping.contactOwner':
    'Zonder kolom voor de eigenaar van de relatie krijgt elke relatie de eigenaar van haar eerste contactpersoon; andere eigenaren van contactpersonen komen in het accountteam. De eigenaar van een contactpersoon wordt ook vastgelegd als iemand die hem of haar kent.',
  'data.import.numbers.conflict':
    'Dit bestand gebruikt beide notaties door elkaar. Getallen als 1.234 zijn pas te lezen als je er een kiest.',
  'data.import.dates.dmy': 'dag-maand-jaar (14-04-1974)',
  'data.import.dates.mdy': 'maand-dag-jaar (04/14/1974)',
  'data.import.dates.evidence': '{value} op regel {line} kan alleen zo gelezen worden.',
  'data.import.dates.assumed': 'Geen datum in het bestand beslist het: controleer een voorbeeld.',
  'data.import.dates.conflict':
    'De datums in dit bestand staan op beide manieren; datums die in de gekozen volgorde niet bestaan, staan bij de problemen.',
  'data.import.dates.example': '{value} (regel {line}) wordt gelezen als {date}.',
  'data.import.mapping.combined': '{field} wordt samengesteld uit {columns}.',
  'data.import.mapping.quoted': '‘{name}’',
  'data.import.mapping.twice':
    '‘{field}’ is aan meer dan één kolom gekoppeld; alleen tekstvelden kunnen worden samengevoegd.',
  'data.import.mapping.history': 'Historie',
  'data.import.mapping.remembered': 'Gekoppeld zoals bij een eerdere import in deze werkruimte.',
  'data.import.values.intro':
    'Elke waarde één keer. Haard onthoudt je keuzes in deze werkruimte voor de volgende import.',
  'data.import.values.value': 'Waarde in het bestand',
  'data.import.values.rows': 'Regels',
  'data.import.values.means': 'Betekent in Haard',
  'data.import.values.choose': '— kies —',
  'data.import.values.tag': 'Bewaren als tag',
  'data.import.values.ignore': 'Leeg laten',
  'data.import.values.noOwner': 'Geen eigenaar',
  'data.import.values.new': '‘{name}’ aan het team toevoegen',
  'data.import.values.source.remembered': 'onthouden',
  'data.import.values.source.automatic': 'herkend',
  'data.import.values.open.one': 'Kies vóór het importeren wat 1 waarde betekent.',
  'data.import.values.open.other': 'Kies vóór het importeren wat {count} waarden betekenen.',
  'data.import.values.newPeople.one':
    '1 eigenaar staat nog niet in het team en wordt als professional toegevoegd.',
  'data.import.values.newPeople.other':
    '{count} eigenaren staan nog niet in het team en worden als professional toegevoegd.',
  'data.import.blocked.values': 'kies wat de open waarden betekenen (stap 3).',
  'data.import.action.unchanged': 'Geen wijziging',
  'data.import.action.sameAs': 'Zelfde relatie als regel {line}',
  'data.import.preview.owner': 'Eigenaar',
  'data.import.preview.history': 'Laatste activiteit',
  'data.import.summary':
    '{add} nieuwe en {update} bijgewerkte relaties, {skip} overgeslagen, {unchanged} ongewijzigd; {contactsAdd} nieuwe en {contactsUpdate} bijgewerkte contactpersonen.',
  'data.import.summary.extra':
    'Verder {history} contactmomenten waarmee een historie begint, en {professionals} nieuwe professionals.',
  'data.import.nothingNew':
    'Alles in dit bestand staat al in de werkruimte: er zijn geen wijzigingen om te importeren.',
  'data.import.historyNote': 'Laatste activiteit volgens de import van ‘{file}’.',

  'data.issue.badDate':
    '{field} ‘{value}’ is geen datum die Haard kan lezen (bijv. 14-04-1974 of 1974-04-14)',
  'data.issue.twoDigitYear': '{field} ‘{value}’: schrijf het jaar met vier cijfers',
  'data.issue.noYear': '{field} ‘{value}’ heeft geen jaar',
  'data.issue.noSuchDate': '{field} ‘{value}’: {detail}',

  'data.field.relation.owner': 'Relatie: eigenaar (een professional)',
  'data.field.contact.owner': 'Contactpersoon: eigenaar (een professional)',
  'data.field.log.lastActivity': 'Laatste activiteit (begin van de historie)',
};
