/**
 * The column headers that suggest each Haard field, as CRM exports name them in Dutch and English — compared
 * after normaliseHeader (lower case, accents and everything but letters and digits removed: "Jaarlijkse omzet"
 * is `jaarlijkseomzet`, Pipedrive's "Organization - Name" is `organizationname`). A file format, not UI text.
 *
 * Sources, per CRM (their export headers in the English and the Dutch interface):
 * - Salesforce: Account Name / Accountnaam, Account Owner / Accounteigenaar, Type, Industry / Branche, Annual
 *   Revenue / Jaarlijkse omzet, Description / Omschrijving, Phone / Telefoon, Title / Titel, Contact Owner /
 *   Contacteigenaar, Last Activity / Laatste activiteit.
 * - HubSpot: Company name / Bedrijfsnaam, Company owner / Bedrijfseigenaar, Industry / Branche, Annual Revenue /
 *   Jaarlijkse omzet, Description / Beschrijving, Phone Number / Telefoonnummer, Job Title / Functie, Contact
 *   owner / Eigenaar contactpersoon, Associated Company, Lifecycle Stage / Levenscyclusfase.
 * - Microsoft Dynamics 365: Account Name / Accountnaam, Owner / Eigenaar, Relationship Type / Relatietype,
 *   Industry / Branche, Annual Revenue / Jaaromzet, Description / Beschrijving, Main Phone / Hoofdtelefoon,
 *   Business Phone / Zakelijke telefoon, Primary Contact / Primaire contactpersoon, Full Name / Volledige naam,
 *   Job Title / Functie.
 * - Pipedrive: "Organization - Name" / "Organisatie - Naam", "Organization - Owner" / "Organisatie - Eigenaar",
 *   "Person - Name" / "Persoon - Naam", "Person - Email" / "Persoon - E-mail", "Person - Phone" /
 *   "Persoon - Telefoon".
 * - Exact Online: Naam / Name (the relation), Accountmanager, Branche / Sector, E-mail, Telefoon.
 * A place (Plaats, City) has no field in Haard: such a column stays on "ignore column".
 */
import type { Field } from './fields.ts';

/** Headers that are one part of a person's name (normalised): each names the contact, several join into it. */
const NAME_PART_HEADERS = [
  'firstname',
  'lastname',
  'voornaam',
  'achternaam',
  'tussenvoegsel',
  'middlename',
  'surname',
] as const;

/**
 * Per field: `strong` names say it on their own; `weak` ones ("Naam", "Name") only apply when no strong name
 * claimed the field — so in "Bedrijf; Naam; Functie" the name is the contact's. `prefix` fields also match
 * headers that start with a name ("Omzet 2025 (EUR)", "Email - Work").
 */
export const HEADER_NAMES: Record<Field, { strong: string[]; weak?: string[]; prefix?: boolean }> = {
  'relation.id': { strong: ['haardid', 'relatieid', 'relationid', 'bedrijfsid', 'companyid'] },
  'relation.name': {
    strong: [
      'bedrijf',
      'bedrijfsnaam',
      'naambedrijf',
      'handelsnaam',
      'organisatie',
      'organisatienaam',
      'naamorganisatie',
      'relatie',
      'relatienaam',
      'naamrelatie',
      'klant',
      'klantnaam',
      'accountnaam',
      'naamaccount',
      'company',
      'companyname',
      'organisation',
      'organization',
      'organisationname',
      'organizationname',
      'relation',
      'relationname',
      'account',
      'accountname',
      'client',
      'clientname',
      'customer',
      'customername',
      'associatedcompany',
      'bijbehorendbedrijf',
      'gekoppeldbedrijf',
    ],
    weak: ['naam', 'name'],
  },
  'relation.kind': {
    strong: [
      'soort',
      'soortrelatie',
      'relatiesoort',
      'relatietype',
      'type',
      'kind',
      'relationtype',
      'relationshiptype',
      'companytype',
      'accounttype',
      'klanttype',
      'customertype',
      'lifecyclestage',
      'levenscyclusfase',
      'klantstatus',
      'relatiestatus',
    ],
  },
  'relation.sector': {
    strong: [
      'sector',
      'branche',
      'branch',
      'industry',
      'industrie',
      'bedrijfstak',
      'organizationindustry',
      'organisatiebranche',
      'organisatiesector',
    ],
  },
  'relation.revenue': {
    strong: [
      'omzet',
      'jaaromzet',
      'jaarlijkseomzet',
      'omzetperjaar',
      'revenue',
      'turnover',
      'annualrevenue',
      'annualturnover',
      'sales',
    ],
    prefix: true,
  },
  'relation.potential': { strong: ['potentie', 'potentieel', 'potential'], prefix: true },
  'relation.owner': {
    strong: [
      'eigenaar',
      'owner',
      'companyowner',
      'accountowner',
      'accounteigenaar',
      'eigenaaraccount',
      'organizationowner',
      'organisatieeigenaar',
      'relationowner',
      'relatieeigenaar',
      'eigenaarbedrijf',
      'bedrijfseigenaar',
      'accountmanager',
      'accountbeheerder',
      'relatiebeheerder',
      'relatiemanager',
      'relationshipmanager',
      'dossierhouder',
    ],
  },
  'relation.tags': { strong: ['tags', 'tag', 'labels', 'label', 'trefwoorden', 'kenmerken'] },
  'relation.notes': {
    strong: [
      'notities',
      'notitie',
      'opmerkingen',
      'opmerking',
      'aantekeningen',
      'omschrijving',
      'beschrijving',
      'bedrijfsomschrijving',
      'bedrijfsbeschrijving',
      'notes',
      'note',
      'memo',
      'toelichting',
      'description',
      'companydescription',
      'accountdescription',
      'comments',
      'comment',
    ],
  },
  'contact.id': { strong: ['contactid', 'contactpersoonid', 'personid', 'persoonid'] },
  'contact.name': {
    strong: [
      'contactpersoon',
      'contactpersoonnaam',
      'naamcontactpersoon',
      'primairecontactpersoon',
      'contact',
      'contactnaam',
      'contactname',
      'contactperson',
      'primarycontact',
      'persoon',
      'persoonnaam',
      'person',
      'personname',
      'fullname',
      'volledigenaam',
      ...NAME_PART_HEADERS,
    ],
    weak: ['naam', 'name'],
  },
  'contact.title': {
    strong: [
      'functie',
      'functietitel',
      'functienaam',
      'titel',
      'title',
      'jobtitle',
      'position',
      'rol',
      'role',
    ],
  },
  'contact.email': {
    strong: [
      'email',
      'emailadres',
      'emailaddress',
      'mail',
      'mailadres',
      'primaryemail',
      'personemail',
      'persoonemail',
      'contactemail',
    ],
    prefix: true,
  },
  'contact.phone': {
    strong: [
      'telefoon',
      'telefoonnummer',
      'tel',
      'phone',
      'phonenumber',
      'mobiel',
      'mobile',
      'mobilephone',
      'mobieletelefoon',
      'telephone',
      'businessphone',
      'zakelijketelefoon',
      'mainphone',
      'hoofdtelefoon',
      'werktelefoon',
      'personphone',
      'persoontelefoon',
    ],
    prefix: true,
  },
  'contact.dmuRole': { strong: ['dmurol', 'dmurole', 'bvtrol', 'rolindmu', 'dmu'] },
  'contact.attitude': { strong: ['houding', 'attitude'] },
  'contact.owner': {
    strong: [
      'contactowner',
      'eigenaarcontactpersoon',
      'eigenaarcontact',
      'contacteigenaar',
      'contactpersooneigenaar',
      'personowner',
      'persooneigenaar',
      'knownby',
      'bekendbij',
    ],
  },
  'contact.strength': {
    strong: ['relatiesterkte', 'sterkte', 'strength', 'relationshipstrength', 'sterkterelatie'],
  },
  'contact.birthday': { strong: ['verjaardag', 'geboortedatum', 'birthday', 'dateofbirth'] },
  'contact.hobbies': { strong: ['sporthobbys', 'hobbys', 'hobbies', 'sporthobbies', 'hobby', 'sport'] },
  'contact.car': { strong: ['auto', 'car'] },
  'contact.coffee': { strong: ['koffie', 'coffee'] },
  'log.lastActivity': {
    strong: [
      'lastactivitydate',
      'lastactivity',
      'lastcontacted',
      'lastcontact',
      'lastcontactdate',
      'lastengagementdate',
      'datumlaatsteactiviteit',
      'laatsteactiviteit',
      'laatsteactiviteitsdatum',
      'laatstecontact',
      'datumlaatstecontact',
    ],
  },
};

/** Headers that are one part of a person's name: several may join `contact.name` (first + last name). */
export const NAME_PARTS: ReadonlySet<string> = new Set(NAME_PART_HEADERS);
