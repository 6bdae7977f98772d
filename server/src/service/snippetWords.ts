// The words of the whole-file snippets (snippets/pathcfg-files.json) in the current language. The
// snippet file is data in English; completion shows its name and description, so each known name,
// summary and line note has its message here, and the "Lines:" list is rebuilt from the field
// table's titles. Text this table does not know stays as the file writes it (a new snippet needs
// its words added here; the pseudo-locale test finds what is missing).
import { FIELDS } from './fields';
import { t } from './l10n';

export interface SnippetWords {
  label: string;
  /** The description up to its first `; `: one line next to the label. */
  summary: string;
  /** The whole description, the list of lines included. */
  description: string;
}

const LABELS: Record<string, () => string> = {
  'Windows master node (whole file)': () => t('Windows master node (whole file)'),
  'Windows slave node (whole file)': () => t('Windows slave node (whole file)'),
  'Linux master node (whole file)': () => t('Linux master node (whole file)'),
  'Linux slave node (whole file)': () => t('Linux slave node (whole file)'),
};

const SENTENCES: Record<string, () => string> = {
  'Whole path.cfg (17 lines) for the master of a Windows cluster': () => t('Whole path.cfg (17 lines) for the master of a Windows cluster'),
  'Whole path.cfg (17 lines) for a slave of a Windows cluster': () => t('Whole path.cfg (17 lines) for a slave of a Windows cluster'),
  'Whole path.dat (17 lines) for the master of a Linux cluster': () => t('Whole path.dat (17 lines) for the master of a Linux cluster'),
  'Whole path.dat (17 lines) for a slave of a Linux cluster': () => t('Whole path.dat (17 lines) for a slave of a Linux cluster'),
  'the Config folder is on a UNC share, the queues stay local.': () => t('the Config folder is on a UNC share, the queues stay local.'),
  'the Config folder is on a mounted share, the queues stay local.': () => t('the Config folder is on a mounted share, the queues stay local.'),
};

const LINE_NOTES: Record<string, () => string> = {
  'the shared Config folder on the file server (UNC)': () => t('the shared Config folder on the file server (UNC)'),
  'the shared Config folder on the mounted share': () => t('the shared Config folder on the mounted share'),
  'empty, default': () => t('empty, default'),
  empty: () => t('empty'),
  'unique per node': () => t('unique per node'),
  'share;user;password for the Config share': () => t('share;user;password for the Config share'),
  'empty (Linux mounts the share)': () => t('empty (Linux mounts the share)'),
  'empty (deprecated)': () => t('empty (deprecated)'),
  'local to this server': () => t('local to this server'),
  'inside the outgoing queue': () => t('inside the outgoing queue'),
  "this server's own IP": () => t("this server's own IP"),
  "this server's own name": () => t("this server's own name"),
  '0 = master': () => t('0 = master'),
  '1 = slave': () => t('1 = slave'),
  'this server': () => t('this server'),
  'the master': () => t('the master'),
  'the slaves, joined by semicolons': () => t('the slaves, joined by semicolons'),
  'all slaves (this server among them), joined by semicolons': () => t('all slaves (this server among them), joined by semicolons'),
  "empty, or this node's https URL": () => t("empty, or this node's https URL"),
};

const LINES_MARK = ' Lines: ';
/** `1 Config path: the shared Config folder...`, `12 License file`. */
const LINE_ENTRY = /^(\d+) ([^:]+?)(?:: (.*))?$/;

const said = (table: Record<string, () => string>, text: string): string => (Object.hasOwn(table, text) ? table[text]() : text);

export function wholeFileSnippetWords(snippet: { name: string; description: string }): SnippetWords {
  const summaryEnd = snippet.description.indexOf('; ');
  const summary = summaryEnd > 0 ? snippet.description.slice(0, summaryEnd) : snippet.description;
  return { label: said(LABELS, snippet.name), summary: said(SENTENCES, summary), description: describe(snippet.description) };
}

/** `<summary>; <sentence> Lines: 1 Title: note; ...; 17 Title: note.`, each part in the current language. */
function describe(description: string): string {
  const mark = description.indexOf(LINES_MARK);
  const head = mark >= 0 ? description.slice(0, mark) : description;
  const summaryEnd = head.indexOf('; ');
  const shownHead = summaryEnd > 0 ? `${said(SENTENCES, head.slice(0, summaryEnd))}; ${said(SENTENCES, head.slice(summaryEnd + 2))}` : said(SENTENCES, head);
  if (mark < 0) return shownHead;
  const list = description.slice(mark + LINES_MARK.length).replace(/\.$/, '');
  const entries = list.split('; ').map((entry) => {
    const parsed = LINE_ENTRY.exec(entry);
    const field = parsed ? FIELDS[Number(parsed[1]) - 1] : undefined;
    if (!parsed || !field) return entry;
    return parsed[3] === undefined ? `${field.line} ${field.title}` : `${field.line} ${field.title}: ${said(LINE_NOTES, parsed[3])}`;
  });
  return `${shownHead} ${t('Lines:')} ${entries.join('; ')}.`;
}
