// TextMate snippet syntax, read with VS Code's rules (its snippetParser.ts): the whole-file
// snippets are offered as completion, and a client without snippet support gets their text with
// every tab stop at its default. Also the snippet tests' expander.
//
// `\` escapes only `$`, `}` and `\` (inside a choice also `,` and `|`); any other `\` is literal.
// The first placeholder of an index that has a value defines the value of every placeholder with
// that index; `$0` is empty; a choice expands to its first option. Variables (`$TM_FILENAME`) and
// transforms are rejected: VS Code would replace them, so a snippet here must not contain one.

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] };

export class SnippetSyntaxError extends Error {}

export function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const isDigit = (ch: string | undefined) => ch !== undefined && ch >= '0' && ch <= '9';
  const isVariableStart = (ch: string | undefined) => ch !== undefined && /[A-Za-z_]/.test(ch);

  function readInt(): number {
    const start = pos;
    while (isDigit(source[pos])) pos++;
    return Number(source.slice(start, pos));
  }

  function parseChoiceOptions(): string[] {
    const options: string[] = [];
    let current = '';
    for (;;) {
      const ch = source[pos];
      if (ch === undefined) throw new SnippetSyntaxError(`unterminated choice in ${JSON.stringify(source)}`);
      if (ch === '\\' && [',', '|', '\\'].includes(source[pos + 1] ?? '')) {
        current += source[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        pos++;
      } else if (ch === '|' && source[pos + 1] === '}') {
        options.push(current);
        pos += 2;
        return options;
      } else {
        current += ch;
        pos++;
      }
    }
  }

  // Parses until the end of input (top level) or an unescaped `}` (inside a placeholder).
  function parseSequence(insidePlaceholder: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    const text = (value: string) => {
      const last = nodes[nodes.length - 1];
      if (last?.kind === 'text') last.value += value;
      else nodes.push({ kind: 'text', value });
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\') {
        const next = source[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text(next);
          pos += 2;
        } else {
          text('\\');
          pos++;
        }
      } else if (ch === '}' && insidePlaceholder) {
        pos++;
        return nodes;
      } else if (ch === '$' && isDigit(source[pos + 1])) {
        pos++;
        nodes.push({ kind: 'placeholder', index: readInt(), children: [] });
      } else if (ch === '$' && source[pos + 1] === '{' && isDigit(source[pos + 2])) {
        pos += 2;
        const index = readInt();
        const after = source[pos];
        if (after === '}') {
          pos++;
          nodes.push({ kind: 'placeholder', index, children: [] });
        } else if (after === ':') {
          pos++;
          nodes.push({ kind: 'placeholder', index, children: parseSequence(true) });
        } else if (after === '|' && index > 0) {
          pos++;
          nodes.push({ kind: 'choice', index, options: parseChoiceOptions() });
        } else {
          throw new SnippetSyntaxError(`unsupported placeholder form at ${pos} in ${JSON.stringify(source)}`);
        }
      } else if (ch === '$' && (isVariableStart(source[pos + 1]) || (source[pos + 1] === '{' && isVariableStart(source[pos + 2])))) {
        throw new SnippetSyntaxError(`snippet variable at ${pos} in ${JSON.stringify(source)}: VS Code would replace it`);
      } else {
        text(ch);
        pos++;
      }
    }
    if (insidePlaceholder) throw new SnippetSyntaxError(`unterminated placeholder in ${JSON.stringify(source)}`);
    return nodes;
  }

  return parseSequence(false);
}

/** The text VS Code inserts when every tab stop keeps its default. */
export function expandSnippet(body: string | string[]): string {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  const defining = new Map<number, SnippetNode>();
  const collect = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'text') continue;
      const hasValue = node.kind === 'choice' || node.children.length > 0;
      if (node.index !== 0 && hasValue && !defining.has(node.index)) defining.set(node.index, node);
      if (node.kind === 'placeholder') collect(node.children);
    }
  };
  collect(nodes);
  const render = (list: SnippetNode[], stack: Set<number>): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.index === 0 || stack.has(node.index)) return '';
        const source = defining.get(node.index) ?? node;
        if (source.kind === 'choice') return source.options[0];
        if (source.kind === 'text') return source.value;
        return render(source.children, new Set([...stack, node.index]));
      })
      .join('');
  return render(nodes, new Set());
}
