/** Ids shared between components, e.g. the skip link and its target. */
export const MAIN_CONTENT_ID = 'main-content';
