// Validate a Turtle data file against the detente SHACL shapes.
//   node tests/shacl/validate.mjs DATA.ttl [SHAPES.ttl]
// SHAPES defaults to ontology/shapes.ttl of this repository.
// Exit status: 0 conforms, 2 violations, 1 usage or parse error.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import rdf from '@zazuko/env-node';
import SHACLValidator from 'rdf-validate-shacl';

const here = path.dirname(fileURLToPath(import.meta.url));
const [dataFile, shapesFile = path.join(here, '..', '..', 'ontology', 'shapes.ttl')] =
  process.argv.slice(2);
if (!dataFile) {
  console.error('usage: node validate.mjs DATA.ttl [SHAPES.ttl]');
  process.exit(1);
}

const load = async (file) => {
  try {
    return await rdf.dataset().import(rdf.fromFile(file));
  } catch (e) {
    console.error(`${file}: ${e.message}`);
    process.exit(1);
  }
};

const shapes = await load(shapesFile);
const data = await load(dataFile);
const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);

const local = (t) => (t ? t.value.replace(/^.*[#/]/, '') : '');
console.log(`${dataFile}: conforms=${report.conforms} results=${report.results.length}`);
for (const r of report.results) {
  const msg = r.message.map((m) => m.value).join('; ');
  console.log(`  ${local(r.severity)} ${r.focusNode?.value} ${r.path?.value ?? ''} ` +
    `${local(r.sourceConstraintComponent)}${r.value ? ` value=${r.value.value}` : ''}` +
    `${msg ? ` -- ${msg}` : ''}`);
}
process.exit(report.conforms ? 0 : 2);
