/** Texts of the fire dashboard (DOMAIN.md §6: keep the fire burning). */
export const en = {
  'nav.fire': 'Keep warm',
  'fire.title': 'Keep the fire burning',
  'fire.intro':
    'How warm each important relation is against its cadence: A every {a} days, B every {b}, C every {c}. The list below shows what needs attention this week, most important first.',
  'fire.matrix': 'Relations by class and fire',
  'fire.attention': 'Needs attention this week',
  'fire.attention.count.one': '1 relation',
  'fire.attention.count.other': '{count} relations',
  'fire.attention.none': 'Every classified relation is warm this week.',
  'fire.showAll': 'Show all {count}',
  'fire.never': 'Never contacted',
  'fire.owner': 'Owner: {name}',
  'fire.dueBy': 'Contact by {date}',
  'fire.log.for': 'Log a contact with {name}',
  'fire.log.future':
    'Not saved: pick a date up to today ({date}). A planned contact is logged on the relation’s page.',
  'fire.signals': 'Open signals',
  'fire.signals.none': 'No open complaints, buying signals or ambassadors to follow up.',
  'fire.markHandled': 'Mark as handled',
  'fire.minimum': 'A relations with fewer than {min} contact moments in the last year',
  'fire.minimum.none': 'Every A relation had its minimum of contact moments in the last year.',
};

export const nl: Record<keyof typeof en, string> = {
  'nav.fire': 'Vuurtje',
  'fire.title': 'Houd het vuurtje brandend',
  'fire.intro':
    'Hoe warm elke belangrijke relatie is ten opzichte van het ritme: A elke {a} dagen, B elke {b}, C elke {c}. Hieronder wat deze week aandacht nodig heeft, het belangrijkste eerst.',
  'fire.matrix': 'Relaties per klasse en vuur',
  'fire.attention': 'Deze week aandacht nodig',
  'fire.attention.count.one': '1 relatie',
  'fire.attention.count.other': '{count} relaties',
  'fire.attention.none': 'Elke geclassificeerde relatie is deze week warm.',
  'fire.showAll': 'Alle {count} tonen',
  'fire.never': 'Nooit contact gehad',
  'fire.owner': 'Eigenaar: {name}',
  'fire.dueBy': 'Contact vóór {date}',
  'fire.log.for': 'Contactmoment met {name} vastleggen',
  'fire.log.future':
    'Niet opgeslagen: kies een datum tot en met vandaag ({date}). Een gepland contact leg je vast op de pagina van de relatie.',
  'fire.signals': 'Open signalen',
  'fire.signals.none': 'Geen open klachten, koopsignalen of ambassadeurs om op te volgen.',
  'fire.markHandled': 'Afgehandeld',
  'fire.minimum': 'A-relaties met minder dan {min} contactmomenten in het afgelopen jaar',
  'fire.minimum.none': 'Elke A-relatie had in het afgelopen jaar haar minimum aan contactmomenten.',
};
