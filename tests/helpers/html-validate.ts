/**
 * An HTML validator with the project's `.htmlvalidate.json`, passed in: a file-system loader looks
 * for the config beside the files it checks, finds none in a temporary build and checks nothing.
 */
import fs from 'node:fs';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';

export function projectHtmlValidator(): HtmlValidate {
  const config = JSON.parse(fs.readFileSync(new URL('../../.htmlvalidate.json', import.meta.url), 'utf8')) as ConfigData;
  return new HtmlValidate(new StaticConfigLoader(config));
}
