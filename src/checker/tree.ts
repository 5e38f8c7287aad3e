import type { SectionData } from '../content/sectionSchema.ts';

/**
 * "Can I get an IMHA?" as a tree of static pages, one question each (no JavaScript, no server).
 * Built from the sections dataset, so a change to a section's eligibility changes the outcome.
 */

export interface Answer {
  /** UI string key, or the dataset's own text when `text` is set. */
  key?: string;
  text?: string;
  /** The dataset text is English, standing in for a missing translation. */
  english?: boolean;
  next: string;
}

export type Step =
  | { id: string; type: 'question'; questionKey: string; hintKey?: string; answers: Answer[] }
  | { id: string; type: 'outcome'; eligible: boolean; sectionId: string | null; reasonKey?: string };

export interface SectionRef {
  id: string;
  data: Pick<SectionData, 'label' | 'plainDescriptions' | 'group' | 'imha'>;
  /** The words are English, standing in for a missing translation. */
  fallback?: boolean;
}

export const START = 'start';

export function buildTree(sections: readonly SectionRef[]): Step[] {
  const detainedOrCommunity = sections.filter((section) => section.data.group !== 'informal');
  const informal = sections.find((section) => section.data.group === 'informal');
  const result = (id: string) => `result-${id}`;
  // Someone who does not know their section first says where they are, then picks a description.
  const groups = [...new Set(detainedOrCommunity.map((section) => section.data.group))];
  const steps: Step[] = [
    {
      id: START,
      type: 'question',
      questionKey: 'checker.start.question',
      answers: [
        { key: 'checker.start.knows', next: 'which-section' },
        { key: 'checker.start.notSure', next: 'not-sure' },
        ...(informal ? [{ key: 'checker.start.informal', next: 'informal' }] : []),
      ],
    },
    {
      id: 'which-section',
      type: 'question',
      questionKey: 'checker.which.question',
      answers: [
        ...detainedOrCommunity.map((section) => ({ text: section.data.label, english: section.fallback === true, next: result(section.id) })),
        { key: 'checker.which.notListed', next: 'not-sure' },
      ],
    },
    {
      id: 'not-sure',
      type: 'question',
      questionKey: 'checker.notSure.question',
      hintKey: 'checker.notSure.hint',
      answers: [
        ...groups.map((group) => ({ key: `checker.group.${group}`, next: `not-sure-${group}` })),
        { key: 'checker.notSure.none', next: 'ask-us' },
      ],
    },
    ...groups.map(
      (group): Step => ({
        id: `not-sure-${group}`,
        type: 'question',
        questionKey: 'checker.describe.question',
        answers: [
          ...detainedOrCommunity
            .filter((section) => section.data.group === group)
            .flatMap((section) => section.data.plainDescriptions.map((text) => ({ text, english: section.fallback === true, next: result(section.id) }))),
          { key: 'checker.notSure.none', next: 'ask-us' },
        ],
      }),
    ),
    { id: 'ask-us', type: 'outcome', eligible: false, sectionId: null, reasonKey: 'checker.askUs' },
    ...detainedOrCommunity.map((section): Step => ({
      id: result(section.id),
      type: 'outcome',
      eligible: section.data.imha.eligible === 'yes',
      sectionId: section.id,
    })),
  ];
  if (informal) {
    steps.push(
      {
        id: 'informal',
        type: 'question',
        questionKey: 'checker.informal.question',
        answers: [
          { key: 'checker.informal.s57', next: 'result-informal-s57' },
          { key: 'checker.informal.under18', next: 'result-informal-under-18' },
          { key: 'checker.informal.none', next: result(informal.id) },
        ],
      },
      { id: 'result-informal-s57', type: 'outcome', eligible: true, sectionId: informal.id, reasonKey: 'checker.informal.s57Reason' },
      { id: 'result-informal-under-18', type: 'outcome', eligible: true, sectionId: informal.id, reasonKey: 'checker.informal.under18Reason' },
      { id: result(informal.id), type: 'outcome', eligible: false, sectionId: informal.id },
    );
  }
  return steps;
}

/** Every path from the start to an outcome, as lists of step ids; throws on a dangling link or a loop. */
export function allPaths(steps: readonly Step[]): string[][] {
  const byId = new Map(steps.map((step) => [step.id, step]));
  const walk = (id: string, path: string[]): string[][] => {
    const step = byId.get(id);
    if (!step) throw new Error(`Checker step "${path.at(-1)}" links to missing step "${id}"`);
    if (path.includes(id)) return [];
    const here = [...path, id];
    return step.type === 'outcome' ? [here] : step.answers.flatMap((answer) => walk(answer.next, here));
  };
  return walk(START, []);
}
