/** A GraphQL operation shown in the README, with the sentence that introduces it. */
export interface ReadmeExample {
  /** PascalCase name made from the caption, e.g. "WhoMetWhom". */
  name: string;
  caption: string;
  query: string;
}

/**
 * The ```graphql blocks of a Markdown document, each named after the paragraph just above it.
 * Anonymous operations (`{ ... }`) get that name (`query WhoMetWhom { ... }`) so GraphiQL's tabs
 * are told apart; named ones keep theirs.
 */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const examples: ReadmeExample[] = [];
  const block = /```graphql\r?\n([\s\S]*?)```/g;
  const used = new Set<string>();
  for (let match = block.exec(markdown); match; match = block.exec(markdown)) {
    const before = markdown.slice(0, match.index).trimEnd();
    const paragraph = before.slice(before.lastIndexOf('\n\n') + 1).trim();
    const caption = paragraph.startsWith('#') || paragraph.startsWith('```') ? '' : paragraph.replace(/\s+/g, ' ');
    let name = operationName(caption) || `Example${examples.length + 1}`;
    while (used.has(name)) name += '2';
    used.add(name);
    const body = match[1]!.trim();
    const query = /^\{/.test(body) ? `query ${name} ${body}` : body;
    examples.push({ name, caption, query: caption ? `# ${caption}\n${query}\n` : `${query}\n` });
  }
  return examples;
}

/** "Steve Witkoff's counterparts, how often and when:" -> "SteveWitkoffsCounterparts". */
function operationName(caption: string): string {
  const head = caption.split(/[,:;.(]/)[0] ?? '';
  return head
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')
    .replace(/^[0-9]+/, '');
}
