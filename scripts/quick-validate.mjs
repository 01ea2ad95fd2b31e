import { COLLECTIONS } from '/work/main/src/schema/index.ts';
import { parse } from 'yaml';
import fs from 'node:fs'; import path from 'node:path';
let bad = 0;
for (const [name, spec] of Object.entries(COLLECTIONS)) {
  const dir = path.join(process.env.CONTENT_DIR ?? '/work/main/content', spec.folder);
  for (const f of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    const data = spec.body ? parse(text.split(/^---$/m)[1]) : parse(text);
    const r = spec.schema.safeParse(data);
    if (!r.success) { bad++; console.log(`${name}/${f}:`, r.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ')); }
  }
}
console.log(bad ? `${bad} invalid` : 'all valid');
