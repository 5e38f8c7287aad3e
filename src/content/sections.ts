import { getCollection, type CollectionEntry } from 'astro:content';
import { SECTION_GROUPS } from './sectionSchema.ts';

export type SectionEntry = CollectionEntry<'sections'>;

/** Every Mental Health Act status, by group in the order of SECTION_GROUPS, then by `order`. */
export async function allSections(): Promise<SectionEntry[]> {
  const sections = await getCollection('sections');
  return sections.sort(
    (a, b) => SECTION_GROUPS.indexOf(a.data.group) - SECTION_GROUPS.indexOf(b.data.group) || a.data.order - b.data.order,
  );
}

/** A paragraph of dataset text as runs of plain and **bold** text, for safe rendering. */
export type Run = { text: string; bold: boolean };

export function paragraphs(text: string): Run[][] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => paragraph.split(/\*\*/).map((part, index) => ({ text: part, bold: index % 2 === 1 })).filter((run) => run.text !== ''));
}
