/**
 * Words the generator builds names and sentences from. Everything is plain ASCII, so that a
 * JavaScript string index (UTF-16 units) and a PostgreSQL character position are the same number.
 */

/** Real countries: name, ISO 3166 code, the currency they pledge in, capital. */
export const COUNTRIES: readonly (readonly [name: string, iso: string, currency: string, capital: string])[] = [
  ['United States', 'US', 'USD', 'Washington'],
  ['Russia', 'RU', 'USD', 'Moscow'],
  ['Ukraine', 'UA', 'UAH', 'Kyiv'],
  ['China', 'CN', 'USD', 'Beijing'],
  ['Germany', 'DE', 'EUR', 'Berlin'],
  ['United Kingdom', 'GB', 'GBP', 'London'],
  ['France', 'FR', 'EUR', 'Paris'],
  ['Japan', 'JP', 'JPY', 'Tokyo'],
  ['Poland', 'PL', 'PLN', 'Warsaw'],
  ['Turkey', 'TR', 'USD', 'Ankara'],
  ['India', 'IN', 'USD', 'New Delhi'],
  ['Italy', 'IT', 'EUR', 'Rome'],
  ['Canada', 'CA', 'CAD', 'Ottawa'],
  ['Israel', 'IL', 'USD', 'Jerusalem'],
  ['Iran', 'IR', 'USD', 'Tehran'],
  ['Saudi Arabia', 'SA', 'USD', 'Riyadh'],
  ['Spain', 'ES', 'EUR', 'Madrid'],
  ['Netherlands', 'NL', 'EUR', 'Amsterdam'],
  ['Belgium', 'BE', 'EUR', 'Brussels'],
  ['Sweden', 'SE', 'SEK', 'Stockholm'],
  ['Norway', 'NO', 'NOK', 'Oslo'],
  ['Switzerland', 'CH', 'CHF', 'Bern'],
  ['Australia', 'AU', 'AUD', 'Canberra'],
  ['Brazil', 'BR', 'USD', 'Brasilia'],
  ['South Korea', 'KR', 'USD', 'Seoul'],
  ['Egypt', 'EG', 'USD', 'Cairo'],
  ['Qatar', 'QA', 'USD', 'Doha'],
  ['United Arab Emirates', 'AE', 'USD', 'Abu Dhabi'],
  ['Finland', 'FI', 'EUR', 'Helsinki'],
  ['Denmark', 'DK', 'EUR', 'Copenhagen'],
  ['Austria', 'AT', 'EUR', 'Vienna'],
  ['Czechia', 'CZ', 'EUR', 'Prague'],
  ['Hungary', 'HU', 'EUR', 'Budapest'],
  ['Romania', 'RO', 'EUR', 'Bucharest'],
  ['Greece', 'GR', 'EUR', 'Athens'],
  ['Portugal', 'PT', 'EUR', 'Lisbon'],
  ['Ireland', 'IE', 'EUR', 'Dublin'],
  ['Estonia', 'EE', 'EUR', 'Tallinn'],
  ['Latvia', 'LV', 'EUR', 'Riga'],
  ['Lithuania', 'LT', 'EUR', 'Vilnius'],
  ['Moldova', 'MD', 'EUR', 'Chisinau'],
  ['Georgia', 'GE', 'USD', 'Tbilisi'],
  ['Armenia', 'AM', 'USD', 'Yerevan'],
  ['Azerbaijan', 'AZ', 'USD', 'Baku'],
  ['Kazakhstan', 'KZ', 'USD', 'Astana'],
  ['Iraq', 'IQ', 'USD', 'Baghdad'],
  ['Syria', 'SY', 'USD', 'Damascus'],
  ['Jordan', 'JO', 'USD', 'Amman'],
  ['Pakistan', 'PK', 'USD', 'Islamabad'],
  ['Indonesia', 'ID', 'USD', 'Jakarta'],
  ['Vietnam', 'VN', 'USD', 'Hanoi'],
  ['Thailand', 'TH', 'USD', 'Bangkok'],
  ['Philippines', 'PH', 'USD', 'Manila'],
  ['New Zealand', 'NZ', 'AUD', 'Wellington'],
  ['Mexico', 'MX', 'USD', 'Mexico City'],
  ['Argentina', 'AR', 'USD', 'Buenos Aires'],
  ['Chile', 'CL', 'USD', 'Santiago'],
  ['Colombia', 'CO', 'USD', 'Bogota'],
  ['South Africa', 'ZA', 'USD', 'Pretoria'],
  ['Nigeria', 'NG', 'USD', 'Abuja'],
  ['Kenya', 'KE', 'USD', 'Nairobi'],
  ['Ethiopia', 'ET', 'USD', 'Addis Ababa'],
];

/** Currencies pledges are stated in, with a starting rate against EUR (1 EUR = rate). */
export const CURRENCIES: readonly (readonly [code: string, perEuro: number])[] = [
  ['USD', 1.1],
  ['GBP', 0.86],
  ['JPY', 140],
  ['UAH', 40],
  ['CHF', 0.98],
  ['CAD', 1.48],
  ['PLN', 4.4],
  ['SEK', 11.2],
  ['NOK', 11.3],
  ['AUD', 1.62],
];

export const FIRST_NAMES = [
  'Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Greta', 'Hugo', 'Irina', 'Jonas', 'Karin', 'Luis',
  'Maria', 'Nikolai', 'Olga', 'Pavel', 'Rosa', 'Stefan', 'Tamara', 'Viktor', 'Yara', 'Zoran', 'Amir', 'Beatrix',
  'Chen', 'Dmitri', 'Emma', 'Felix', 'Hana', 'Ivan', 'Julia', 'Kenji', 'Lena', 'Marek', 'Nadia', 'Omar',
  'Petra', 'Rafael', 'Sofia', 'Tomas', 'Ulrich', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zofia', 'Ahmed', 'Birgit',
  'Carlos', 'Daria', 'Emil', 'Fatima', 'Gustav', 'Helga', 'Ilya', 'Jana', 'Karl', 'Leila', 'Mikhail', 'Nora',
  'Oskar', 'Paula', 'Ruslan', 'Sara', 'Timur', 'Ursula', 'Vladimir', 'Wanda', 'Yuri', 'Zainab', 'Andrei', 'Bianca',
  'Cyril', 'Dalia', 'Erik', 'Freya', 'Georg', 'Ingrid', 'Jakub', 'Katya', 'Lars', 'Mila', 'Nils', 'Orla',
  'Piotr', 'Rania', 'Sergei', 'Tatiana', 'Valeria', 'Walter', 'Yasmin', 'Aleksander', 'Brigitte', 'Daniel', 'Eva', 'Gabriel',
  'Heinz', 'Isabel', 'Josef', 'Kristina', 'Laszlo', 'Magda', 'Natalia', 'Oleg', 'Rita', 'Samuel', 'Teodor', 'Vesna',
];

const SURNAME_HEADS = [
  'Ander', 'Bel', 'Kor', 'Mar', 'Nov', 'Petr', 'Sil', 'Tam', 'Vol', 'Wex', 'Hal', 'Dur', 'Gor', 'Lind', 'Mor',
  'Kast', 'Ber', 'Rad', 'Sok', 'Zel', 'Fal', 'Grun', 'Hel', 'Jan', 'Kul', 'Lev', 'Mik', 'Ost', 'Pav', 'Rom',
  'Sav', 'Tur', 'Val', 'Wol', 'Yar', 'Dan', 'Ferr', 'Gal', 'Has', 'Iv', 'Karp', 'Lom', 'Mend', 'Nor', 'Orl',
  'Pol', 'Ros', 'Stan', 'Tor', 'Vas', 'Bren', 'Cas', 'Dov', 'Esk', 'Fen', 'Gust', 'Hart', 'Kov', 'Lach', 'Marsh',
];
const SURNAME_TAILS = [
  'son', 'ova', 'ski', 'enko', 'ez', 'ini', 'berg', 'ard', 'ic', 'escu', 'ov', 'sen', 'ley', 'oni', 'ides',
  'ach', 'mann', 'quist', 'uk', 'ovic', 'etti', 'ander', 'well', 'stein', 'as', 'is', 'ko', 'ero', 'stra', 'ton',
  'ova', 'ak', 'ell', 'ing', 'ault', 'eanu', 'off', 'by', 'ham', 'oglu',
];

/** A surname built from two syllables; thousands of distinct ones. */
export function surname(pick: <T>(items: readonly T[]) => T): string {
  return pick(SURNAME_HEADS) + pick(SURNAME_TAILS);
}

export const SURNAME_SPACE = SURNAME_HEADS.length * SURNAME_TAILS.length;

const PLACE_HEADS = [
  'Ash', 'Bel', 'Cor', 'Dun', 'Elm', 'Fal', 'Glen', 'Har', 'Ivel', 'Kes', 'Lor', 'Mar', 'Nor', 'Oak', 'Pel',
  'Quin', 'Ros', 'Sel', 'Tor', 'Ul', 'Val', 'Wes', 'Yor', 'Zan', 'Bar', 'Cal', 'Dor', 'Fern', 'Gar', 'Hol',
  'Kal', 'Lin', 'Mel', 'Nev', 'Ostr', 'Pra', 'Ren', 'Sten', 'Tal', 'Vin', 'Brod', 'Crest', 'Drav', 'Kra', 'Lub',
  'Mir', 'Nad', 'Plov', 'Rav', 'Slav',
];
const PLACE_MIDDLES = ['', 'a', 'en', 'i', 'o', 'ar', 'el', 'on', 'is', 'ur', 'av', 'em', 'ov', 'an', 'et', 'ol', 'ir', 'ad', 'es', 'ul'];
const PLACE_TAILS = ['grad', 'haven', 'burg', 'ford', 'polis', 'ovo', 'ville', 'stad', 'mouth', 'dorf', 'abad', 'pur', 'ton', 'sk', 'ica'];

export function placeName(pick: <T>(items: readonly T[]) => T): string {
  return pick(PLACE_HEADS) + pick(PLACE_MIDDLES) + pick(PLACE_TAILS);
}

export const PLACE_SPACE = PLACE_HEADS.length * PLACE_MIDDLES.length * PLACE_TAILS.length;

export const REGIONS = [
  'Northern', 'Southern', 'Eastern', 'Western', 'Atlantic', 'Baltic', 'Pacific', 'Arctic', 'Alpine', 'Danube',
  'Caspian', 'Nordic', 'Mediterranean', 'Adriatic', 'Andean', 'Sahel', 'Balkan', 'Central', 'Black Sea', 'Red Sea',
  'Gulf', 'Indian Ocean', 'Great Lakes', 'Carpathian', 'Aegean', 'Iberian', 'Celtic', 'Silk Road', 'Amazon', 'Transatlantic',
];
export const DOMAINS = [
  'Energy', 'Trade', 'Security', 'Defense', 'Climate', 'Health', 'Water', 'Grain', 'Digital', 'Maritime',
  'Nuclear', 'Space', 'Rail', 'Finance', 'Labor', 'Refugee', 'Cyber', 'Mining', 'Fisheries', 'Aviation',
];
/** Organization name patterns by type: the noun a name ends with, and its orgType. */
export const ORG_NOUNS: readonly (readonly [noun: string, orgType: string])[] = [
  ['Alliance', 'alliance'],
  ['Council', 'council'],
  ['Agency', 'agency'],
  ['Forum', 'forum'],
  ['Commission', 'commission'],
  ['Partnership', 'coalition'],
  ['Union', 'union'],
  ['Initiative', 'coalition'],
  ['Development Bank', 'bank'],
  ['Fund', 'fund'],
  ['Institute', 'institute'],
  ['Network', 'group'],
];
export const INDUSTRIES = ['Energy', 'Steel', 'Shipping', 'Aerospace', 'Telecom', 'Motors', 'Chemicals', 'Logistics', 'Systems', 'Dynamics'];
export const COMPANY_SUFFIXES = ['Group', 'Holdings', 'Industries', 'Corporation', 'Partners'];
export const MINISTRIES = ['Defense', 'Foreign Affairs', 'Finance', 'Energy', 'Interior', 'Trade', 'Health'];

export const COUNTRY_TITLES = [
  'President', 'Prime Minister', 'Foreign Minister', 'Defense Minister', 'Finance Minister', 'Energy Minister',
  'Trade Minister', 'Interior Minister', 'Ambassador', 'National Security Adviser', 'Chief of Staff', 'Deputy Prime Minister',
];
export const ORG_TITLES = ['Secretary General', 'Spokesperson', 'Chair', 'Director', 'Chief Executive', 'Deputy Director', 'Chief Negotiator'];
export const PERSON_TITLES = ['Special envoy', 'Adviser', 'Spokesperson', 'Chief of staff'];

export const TOPICS = [
  'energy security', 'grain exports', 'air defense', 'sanctions', 'a cease-fire', 'prisoner exchanges', 'reconstruction',
  'border security', 'trade tariffs', 'climate finance', 'nuclear safety', 'refugee support', 'cyber defense',
  'maritime routes', 'debt relief', 'arms control', 'critical minerals', 'food security', 'humanitarian corridors',
  'peace talks', 'visa rules', 'pipeline repairs', 'election monitoring', 'drone production',
];
export const PURPOSES = [
  'normalize the relationship', 'prepare a summit', 'discuss a cease-fire', 'review military aid', 'negotiate a trade deal',
  'settle a border dispute', 'coordinate sanctions', 'restore diplomatic ties', 'agree on energy supplies', 'discuss reconstruction',
];
export const PLEDGE_PURPOSES = [
  'air defense systems', 'drones', 'repair capabilities', 'artillery ammunition', 'humanitarian aid', 'reconstruction',
  'energy infrastructure', 'demining', 'budget support', 'food aid', 'medical supplies', 'refugee housing',
  'winter heating', 'armored vehicles', 'cyber defense', 'water systems',
];
export const STANCE_CONDITIONS = [
  'removal of Western sanctions', 'international security guarantees', 'a full prisoner exchange', 'withdrawal of troops',
  'a monitoring mission', 'broader commitments on security', 'recognition of the current borders', 'a binding timetable',
  'guarantees for shipping', 'an independent inquiry',
];

/** Actions: category, the two roles, the verb phrase of the sentence, and whether the target is a country. */
export const ACTIONS: readonly (readonly [category: string, actorRole: string, targetRole: string, verb: string, noun: string])[] = [
  ['invasion', 'aggressor', 'target', 'invaded', 'invasion of'],
  ['sanctions', 'sanctioner', 'target', 'imposed sanctions on', 'sanctions on'],
  ['accusation', 'accuser', 'accused', 'accused', 'accusation against'],
  ['severed-ties', 'initiator', 'target', 'severed direct ties with', 'break with'],
  ['expulsion', 'expeller', 'expelled', 'expelled diplomats of', 'expulsion of diplomats of'],
  ['arms-delivery', 'supplier', 'beneficiary', 'delivered weapons to', 'arms deliveries to'],
  ['cyber-attack', 'attacker', 'target', 'launched a cyber attack on', 'cyber attack on'],
  ['recognition', 'initiator', 'target', 'formally recognized', 'recognition of'],
];

export const QUOTE_VERBS = ['support', 'defend', 'rebuild', 'protect', 'stand with', 'work with', 'stay with', 'help'];
export const QUOTE_NOUNS = ['peace', 'security', 'stability', 'dialogue', 'justice', 'cooperation', 'progress', 'trust'];

export const PROPOSAL_SUMMARIES: readonly ((subject: string, n: number) => string)[] = [
  (s, n) => `a ${n}-day cease-fire in ${s}`,
  (s) => `a new round of talks on the future of ${s}`,
  (s) => `a joint fund for the reconstruction of ${s}`,
  (s) => `a treaty on energy cooperation with ${s}`,
  (s, n) => `a ${n}-point peace plan for ${s}`,
  (s) => `an international monitoring mission in ${s}`,
  (s) => `a freeze of the assets of ${s}`,
];

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
