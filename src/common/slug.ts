/** Slugs are the natural keys of the graph: "steve-witkoff", "nato". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MESSAGE = 'must be a slug: lowercase letters, digits and single hyphens';
