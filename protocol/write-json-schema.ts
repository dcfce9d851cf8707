import { writeFileSync } from 'node:fs';
import { surveyJsonSchema } from './survey-json-schema.ts';

const target = new URL('./survey-definition.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(surveyJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
