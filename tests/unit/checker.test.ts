import { describe, expect, it } from 'vitest';
import { allPaths, buildTree, START } from '../../src/checker/tree.ts';
import { loadSections } from '../sectionsData.ts';

const sections = loadSections();
const tree = buildTree(sections);
const byId = new Map(tree.map((step) => [step.id, step]));
const paths = allPaths(tree);

describe('"Can I get an IMHA?"', () => {
  it('covers every status in the dataset with at least one path', () => {
    const reached = new Set(paths.map((path) => path.at(-1)));
    for (const section of sections) expect(reached, section.id).toContain(`result-${section.id}`);
  });

  it('reaches every step from the start, and every path ends in an outcome', () => {
    const visited = new Set(paths.flat());
    expect(tree.map((step) => step.id).filter((id) => !visited.has(id))).toEqual([]);
    for (const path of paths) {
      expect(path[0]).toBe(START);
      expect(byId.get(path.at(-1) ?? '')?.type).toBe('outcome');
    }
  });

  it('gives every path the outcome the dataset says', () => {
    for (const path of paths) {
      const outcome = byId.get(path.at(-1) ?? '');
      if (outcome?.type !== 'outcome') throw new Error(`path ${path.join(' → ')} does not end in an outcome`);
      if (outcome.sectionId === null) {
        expect(outcome.eligible, path.join(' → ')).toBe(false);
        continue;
      }
      const section = sections.find((s) => s.id === outcome.sectionId);
      const special = outcome.id === 'result-informal-s57' || outcome.id === 'result-informal-under-18';
      // Informal patients qualify only while a section 57 (or, under 18, a section 58A) treatment is considered.
      const expected = special ? section?.data.imha.eligible === 'conditional' : section?.data.imha.eligible === 'yes';
      expect(outcome.eligible, path.join(' → ')).toBe(expected);
    }
  });

  it('says no for the short-term sections the Act leaves out (s130C) and yes for sections 2 and 3', () => {
    const outcome = (id: string) => byId.get(`result-${id}`);
    for (const id of ['s4', 's5-2', 's5-4', 's135', 's136']) expect(outcome(id), id).toMatchObject({ eligible: false });
    for (const id of ['s2', 's3', 'cto', 's7', 's37-41', 'conditional-discharge']) expect(outcome(id), id).toMatchObject({ eligible: true });
  });

  it('finds a broken link or a missing step', () => {
    expect(() => allPaths([{ id: START, type: 'question', questionKey: 'x', answers: [{ key: 'y', next: 'nowhere' }] }])).toThrow(/missing step "nowhere"/);
  });
});
