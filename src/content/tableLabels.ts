import type { HastPluginDefinition } from 'satteri';

/**
 * Copies each column's heading onto its cells as `data-label`, so on a narrow
 * screen a table can show as stacked cards (one per row) with every value
 * still labelled, instead of making the whole page scroll sideways.
 * Elements are visited in document order, so a table's headings come before its cells.
 */
export function tableLabels(): HastPluginDefinition {
  let headings: string[] = [];
  let column = 0;
  return {
    name: 'table-labels',
    element: {
      filter: ['table', 'tr', 'th', 'td'],
      visit(node, ctx) {
        if (node.tagName === 'table') headings = [];
        else if (node.tagName === 'tr') column = 0;
        else if (node.tagName === 'th') headings.push(ctx.textContent(node).trim());
        else {
          const label = headings[column++];
          if (label) ctx.setProperty(node, 'dataLabel', label);
        }
      },
    },
  };
}
