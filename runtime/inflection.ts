/**
 * English inflection exactly as Sequelize v6 infers table names: a port of the plural and
 * singular rule tables of inflection 1.13.4 (Copyright (c) 2011 Ben Lin, MIT licence), the version
 * Sequelize v6 depends on. The one source of inflection: the generator's class names
 * (singularize) use it too.
 *
 * Why a port and not the package: the runtime is copied into users' projects and must need
 * nothing but `pg` in production and compile under `tsc --strict` with no extra @types;
 * inflection 1.13.4 ships no types, and inflection 3.x pluralises differently (Focus →
 * Focuses). test/unit/inflection.test.ts checks this port against inflection 1.13.4 itself.
 */

type Rule = readonly [pattern: string, replacement?: string];

const UNCOUNTABLE_WORDS: ReadonlySet<string> = new Set(
  `
  accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause
  arithmetic assistance athletics bacon baggage beef biology blood botany bread butter carbon
  cardboard cash chalk chaos chess crossroads countryside dancing deer dignity dirt dust economics
  education electricity engineering enjoyment envy equipment ethics evidence evolution fame
  fiction flour flu food fuel fun furniture gallows garbage garlic genetics gold golf gossip
  gratitude grief guilt gymnastics happiness hardware harm hate hatred health heat help homework
  honesty honey hospitality housework humour hunger hydrogen ice importance inflation information
  innocence iron irony jam jewelry judo karate knowledge lack laughter lava leather leisure
  lightning linguine linguini linguistics literature litter livestock logic loneliness luck
  luggage macaroni machinery magic management mankind marble mathematics mayonnaise measles
  methane milk minus money mud music mumps nature news nitrogen nonsense nurture nutrition
  obedience obesity oxygen pasta patience physics poetry pollution poverty pride psychology
  publicity punctuation quartz racism relaxation reliability research respect revenge rice rubbish
  rum safety scenery seafood seaside series shame sheep shopping sleep smoke smoking snow soap
  software soil spaghetti species steam stuff stupidity sunshine symmetry tennis thirst thunder
  timber traffic transportation trust underwear unemployment unity validity veal vegetation
  vegetarianism vengeance violence vitality warmth wealth weather welfare wheat wildlife wisdom
  yoga zinc zoology
  `
    .trim()
    .split(/\s+/),
);

// A rule without a replacement means "already in the target form: stop here".
const PLURAL_RULES: readonly Rule[] = [
  ['^(m|wom)en$'],
  ['(pe)ople$'],
  ['(child)ren$'],
  ['([ti])a$'],
  ['((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$'],
  ['(database)s$'],
  ['(drive)s$'],
  ['(hi|ti)ves$'],
  ['(curve)s$'],
  ['([lr])ves$'],
  ['([^fo])ves$'],
  ['([^aeiouy]|qu)ies$'],
  ['(s)eries$'],
  ['(m)ovies$'],
  ['(x|ch|ss|sh)es$'],
  ['([m|l])ice$'],
  ['(bus)es$'],
  ['(o)es$'],
  ['(shoe)s$'],
  ['(cris|ax|test)es$'],
  ['(octop|vir)uses$'],
  ['(alias|canvas|status|campus)es$'],
  ['^(summons|bonus)es$'],
  ['^(ox)en'],
  ['(matr)ices$'],
  ['^feet$'],
  ['^teeth$'],
  ['^geese$'],
  ['(quiz)zes$'],
  ['^(whereas)es$'],
  ['^(criteri)a$'],
  ['^genera$'],
  ['^(m|wom)an$', '$1en'],
  ['(pe)rson$', '$1ople'],
  ['(child)$', '$1ren'],
  ['(drive)$', '$1s'],
  ['^(ox)$', '$1en'],
  ['(ax|test)is$', '$1es'],
  ['(octop|vir)us$', '$1uses'],
  ['(alias|status|canvas|campus)$', '$1es'],
  ['^(summons|bonus)$', '$1es'],
  ['(bu)s$', '$1ses'],
  ['(buffal|tomat|potat)o$', '$1oes'],
  ['([ti])um$', '$1a'],
  ['sis$', 'ses'],
  ['(?:([^f])fe|([lr])f)$', '$1$2ves'],
  ['(hi|ti)ve$', '$1ves'],
  ['([^aeiouy]|qu)y$', '$1ies'],
  ['(matr)ix$', '$1ices'],
  ['(vert|ind)ex$', '$1ices'],
  ['(x|ch|ss|sh)$', '$1es'],
  ['([m|l])ouse$', '$1ice'],
  ['^foot$', 'feet'],
  ['^tooth$', 'teeth'],
  ['^goose$', 'geese'],
  ['(quiz)$', '$1zes'],
  ['^(whereas)$', '$1es'],
  ['^(criteri)on$', '$1a'],
  ['^genus$', 'genera'],
  ['s$', 's'],
  ['$', 's'],
];

// inflection 1.13.4's singular_rules: the singular forms stop first, then plural → singular.
const SINGULAR_RULES: readonly Rule[] = [
  ['^(m|wom)an$'],
  ['(pe)rson$'],
  ['(child)$'],
  ['(drive)$'],
  ['^(ox)$'],
  ['(ax|test)is$'],
  ['(octop|vir)us$'],
  ['(alias|status|canvas|campus)$'],
  ['^(summons|bonus)$'],
  ['(bu)s$'],
  ['(buffal|tomat|potat)o$'],
  ['([ti])um$'],
  ['sis$'],
  ['(?:([^f])fe|([lr])f)$'],
  ['(hi|ti)ve$'],
  ['([^aeiouy]|qu)y$'],
  ['(x|ch|ss|sh)$'],
  ['(matr)ix$'],
  ['([m|l])ouse$'],
  ['^foot$'],
  ['^tooth$'],
  ['^goose$'],
  ['(quiz)$'],
  ['^(whereas)$'],
  ['^(criteri)on$'],
  ['^genus$'],
  ['^(m|wom)en$', '$1an'],
  ['(pe)ople$', '$1rson'],
  ['(child)ren$', '$1'],
  ['(database)s$', '$1'],
  ['(drive)s$', '$1'],
  ['^genera$', 'genus'],
  ['^(criteri)a$', '$1on'],
  ['([ti])a$', '$1um'],
  ['((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$', '$1$2sis'],
  ['(hi|ti)ves$', '$1ve'],
  ['(curve)s$', '$1'],
  ['([lr])ves$', '$1f'],
  ['([a])ves$', '$1ve'],
  ['([^fo])ves$', '$1fe'],
  ['(m)ovies$', '$1ovie'],
  ['([^aeiouy]|qu)ies$', '$1y'],
  ['(s)eries$', '$1eries'],
  ['(x|ch|ss|sh)es$', '$1'],
  ['([m|l])ice$', '$1ouse'],
  ['(bus)es$', '$1'],
  ['(o)es$', '$1'],
  ['(shoe)s$', '$1'],
  ['(cris|ax|test)es$', '$1is'],
  ['(octop|vir)uses$', '$1us'],
  ['(alias|canvas|status|campus)es$', '$1'],
  ['^(summons|bonus)es$', '$1'],
  ['^(ox)en', '$1'],
  ['(matr)ices$', '$1ix'],
  ['(vert|ind)ices$', '$1ex'],
  ['^feet$', 'foot'],
  ['^teeth$', 'tooth'],
  ['^geese$', 'goose'],
  ['(quiz)zes$', '$1'],
  ['^(whereas)es$', '$1'],
  ['ss$', 'ss'],
  ['s$', ''],
];

type CompiledRule = readonly [pattern: RegExp, replacement: string | undefined];

const compile = (rules: readonly Rule[]): readonly CompiledRule[] =>
  rules.map(([pattern, replacement]) => [new RegExp(pattern, 'gi'), replacement]);

let compiledPlural: readonly CompiledRule[] | undefined;
let compiledSingular: readonly CompiledRule[] | undefined;

function applyRules(word: string, rules: readonly CompiledRule[]): string {
  if (UNCOUNTABLE_WORDS.has(word.toLowerCase())) return word;
  for (const [pattern, replacement] of rules) {
    pattern.lastIndex = 0;
    if (!pattern.test(word)) continue;
    pattern.lastIndex = 0;
    return replacement === undefined ? word : word.replace(pattern, replacement);
  }
  return word;
}

/** `User` → `Users`, `Person` → `People`, `Category` → `Categories`. */
export function pluralize(word: string): string {
  // Compiled on first use, so importing the runtime costs nothing.
  compiledPlural ??= compile(PLURAL_RULES);
  return applyRules(word, compiledPlural);
}

/** `Users` → `User`, `people` → `person`, `categories` → `category` (`--from-db` class names). */
export function singularize(word: string): string {
  compiledSingular ??= compile(SINGULAR_RULES);
  return applyRules(word, compiledSingular);
}

/** `UserAccount` → `user_account`, `updatedTimeStamp` → `updated_time_stamp`. */
export function underscore(word: string): string {
  return word
    .split('::')
    .map((part) => part.replace(/([A-Z])/g, '_$1').replace(/^_/, ''))
    .join('/')
    .toLowerCase();
}
