import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/yaml.ts';
import { parseCommand } from '../../src/cli/args.ts';
import { gatherRequest, newCommand } from '../../src/cli/new.ts';
import { planEntry } from '../../src/scaffold/entry.ts';
import { readTagList } from '../../src/validate/editorial.ts';
import { SITE_FIXTURE } from '../helpers/fixtures.ts';

const frontmatter = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '');

describe('npm run new: a note’s tags come from the controlled list', () => {
  const listed = [...(readTagList(SITE_FIXTURE)?.tags.keys() ?? [])];

  it('lists every tag of content/tags.yaml in the template, and leaves `tags` empty', () => {
    expect(listed.length).toBeGreaterThan(0);
    const { text } = planEntry({
      kind: 'note',
      title: 'Tagged',
      theme: 'cheng-chi',
      contentDir: SITE_FIXTURE,
      today: new Date(2026, 11, 6),
      tags: listed,
    });
    expect(text).toMatch(/only from the controlled list in content\/tags\.yaml/);
    expect(text).not.toMatch(/free-form|topic tags, lowercase and hyphenated/i);
    for (const tag of listed) expect(text).toMatch(new RegExp(`^#.* ${tag}[,.]`, 'm'));
    const parsed = frontmatter(text);
    expect(parsed.ok && (parsed.data as { tags: unknown }).tags).toEqual([]);
    for (const line of text.split('\n').filter((l) => l.startsWith('#'))) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('still points at the list when the content folder has none', () => {
    const { text } = planEntry({
      kind: 'note',
      title: 'Untagged',
      theme: 'cheng-chi',
      contentDir: SITE_FIXTURE,
      today: new Date(2026, 11, 6),
    });
    expect(text).toMatch(/only from the controlled list in content\/tags\.yaml/);
    expect(frontmatter(text).ok).toBe(true);
  });

  it('reads the list from the content folder it writes into', async () => {
    const { positionals, flags } = parseCommand(newCommand, ['note', 'Tagged', '--theme', 'cheng-chi']);
    const request = await gatherRequest(positionals, flags, { contentDir: SITE_FIXTURE, today: new Date(2026, 11, 6) });
    expect(request.tags).toEqual(listed);
  });
});
