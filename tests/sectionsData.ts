import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { sectionSchema, type SectionData } from '../src/content/sectionSchema.ts';

/** Every content/sections/*.yaml, checked with the same schema the build uses. */
export function loadSections(): { id: string; data: SectionData }[] {
  return readdirSync('content/sections')
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ id: name.replace(/\.yaml$/, ''), data: sectionSchema.parse(parse(readFileSync(`content/sections/${name}`, 'utf8'))) }));
}
