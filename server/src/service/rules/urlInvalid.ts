import { Rule } from './rule';
import { quote } from '../mention';
import { t } from '../l10n';

/**
 * Line 17, when set, is the absolute http(s) URL of this node's TeamChat API. The WHATWG URL
 * parser decides (as browsers and Node do); on top of it the text must spell out `http://` or
 * `https://`, since the parser forgives `https:host` and `https:\\host`, which other clients
 * reading the value need not.
 */
export const urlInvalid: Rule<'url-invalid'> = {
  code: 'url-invalid',
  scope: 'file',
  check({ node }) {
    const { value, field } = node.field.teamChatUrl;
    if (value.text.length === 0) return [];
    const problem = urlProblem(value.text);
    if (!problem) return [];
    return [{ range: value.range, message: t('{0} (line {1}) {2}; it must be an absolute http(s) URL such as https://mx1.example.net/teamchatapi/, or clients cannot reach TeamChat.', field.title, field.line, problem) }];
  },
};

function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return /^[a-z][a-z0-9+.-]*:/i.test(text) ? t('is not a valid URL') : t('is not an absolute URL (no http:// or https://)');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return t('uses the scheme {0}', quote(url.protocol.slice(0, -1)));
  if (!/^https?:\/\//i.test(text)) return t('does not start with http:// or https://');
  return undefined;
}
